/* test-kill.c: a save killed at any moment leaves the old file or the new one
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The helper save-child (its path in $SAVE_CHILD) loads a ~2 MB project
 * and saves it over the target in a loop; it is killed with SIGKILL after
 * a random 0–30 ms, a hundred times.
 */

#define G_LOG_DOMAIN "test-kill"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"

#define N_KILLS 100

static char *
find_child (void)
{
  const char *env = g_getenv ("SAVE_CHILD");
  char *path;

  if (env != NULL && *env != '\0')
    path = g_strdup (env);
  else
    path = g_test_build_filename (G_TEST_BUILT, "core", "save-child", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("the helper %s is missing; set SAVE_CHILD", path);
  return path;
}

static void
read_ready (int fd)
{
  char line[16];
  gsize len = 0;

  while (len < sizeof line - 1)
    {
      ssize_t n = read (fd, line + len, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      len += (gsize) n;
      if (line[len - 1] == '\n')
        break;
    }
  line[len] = '\0';
  g_assert_cmpstr (line, ==, "ready\n");
}

static void
test_kill (void)
{
  const CbSynthSize size = { 64, 24, 80, 12, 3, 2, 1 };
  g_autofree char *child = find_child ();
  g_autofree char *dir = test_make_dir ("kill");
  g_autofree char *source = g_build_filename (dir, "new.coursebridge", NULL);
  g_autofree char *target = g_build_filename (dir, "target.coursebridge", NULL);
  g_autofree char *old_bytes = test_example_text ("robotics-zh.coursebridge");
  g_autofree char *new_bytes = NULL;
  g_autoptr (CbProject) synth = cb_synth_project (&size);
  g_auto (GStrv) envp = NULL;
  guint n_old = 0, n_new = 0;
  gsize new_len, old_len = strlen (old_bytes);

  /* The new bytes, exactly as the helper will write them. */
  new_bytes = test_serialize (synth);
  new_len = strlen (new_bytes);
  g_test_message ("new: %" G_GSIZE_FORMAT " bytes, old: %" G_GSIZE_FORMAT " bytes", new_len, old_len);
  g_assert_cmpuint (new_len, >, 1500000);
  test_write_file (source, new_bytes, -1);
  {
    g_autoptr (CbProject) check = test_load_text (new_bytes);

    test_assert_serializes_to (check, new_bytes);
  }

  /* The helper never gets to check for leaks; full stacks would only slow
   * it down under AddressSanitizer. */
  envp = g_environ_setenv (g_get_environ (), "LSAN_OPTIONS", "fast_unwind_on_malloc=1", TRUE);

  for (guint i = 0; i < N_KILLS; i++)
    {
      const char *argv[] = { child, source, target, NULL };
      g_autoptr (GError) error = NULL;
      g_autofree char *data = NULL;
      GPid pid;
      int out_fd = -1;
      int status = 0;
      gsize length;

      if (i % 2 == 0)
        test_write_file (target, old_bytes, -1);

      g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      read_ready (out_fd);
      g_usleep ((gulong) g_test_rand_int_range (0, 30001));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      close (out_fd);
      g_spawn_close_pid (pid);

      data = test_read_file (target, &length);
      if (length == new_len && memcmp (data, new_bytes, new_len) == 0)
        n_new++;
      else if (length == old_len && memcmp (data, old_bytes, old_len) == 0)
        n_old++;
      else
        g_error ("kill %u: the target is neither the old file nor the new one (%" G_GSIZE_FORMAT " bytes)",
                 i, length);
    }
  g_test_message ("%u times the old file, %u times the new one; %u temporaries left",
                  n_old, n_new, test_count_prefixed (dir, ".target.coursebridge.cbsave-"));

  /* Loading still works, and the next save clears what killed saves left. */
  {
    g_autofree char *stray = g_build_filename (dir, ".target.coursebridge.cbsave-Ab12Z9", NULL);
    g_autofree char *unrelated = g_build_filename (dir, ".target.coursebridge.cbsave-notours", NULL);
    g_autofree char *other = g_build_filename (dir, ".other.coursebridge.cbsave-Ab12Z9", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (target);
    g_autoptr (GError) error = NULL;
    g_autoptr (CbProject) project = NULL;
    g_autofree char *saved = NULL;
    gsize length;
    g_autofree char *data = NULL;

    test_write_file (stray, "half a file", -1);
    test_write_file (unrelated, "keep me", -1);
    test_write_file (other, "not this file's", -1);
    project = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);
    g_assert_no_error (error);
    cb_entity_set_string (CB_ENTITY (project), "title", "Saved after the kills");
    g_assert_true (cb_project_save (project, NULL, &error));
    g_assert_no_error (error);
    saved = test_serialize (project);
    data = test_read_file (target, &length);
    test_assert_same_text (data, length, saved, strlen (saved));

    g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (test_count_prefixed (dir, ".target.coursebridge.cbsave-"), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/save/kill", test_kill);

  return g_test_run ();
}
