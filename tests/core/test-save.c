/* test-save.c: atomic saving, permissions, links, changes by others, async
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-save"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-util.h"

/* A stream that fails as a full disk would: after @limit bytes, or on close. */

#define TEST_TYPE_FAIL_STREAM (test_fail_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestFailStream, test_fail_stream, TEST, FAIL_STREAM, GFilterOutputStream)

struct _TestFailStream
{
  GFilterOutputStream parent_instance;
  gsize limit;
  gsize written;
  gboolean fail_on_close;
};

G_DEFINE_FINAL_TYPE (TestFailStream, test_fail_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
test_fail_stream_write (GOutputStream  *stream,
                        const void     *buffer,
                        gsize           count,
                        GCancellable   *cancellable,
                        GError        **error)
{
  TestFailStream *self = TEST_FAIL_STREAM (stream);
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gsize room = self->limit - self->written;
  gssize n;

  if (room == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }
  n = g_output_stream_write (base, buffer, MIN (count, room), cancellable, error);
  if (n > 0)
    self->written += (gsize) n;
  return n;
}

static gboolean
test_fail_stream_close (GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  TestFailStream *self = TEST_FAIL_STREAM (stream);
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));

  if (!g_output_stream_close (base, cancellable, error))
    return FALSE;
  if (self->fail_on_close)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "Disk quota exceeded");
      return FALSE;
    }
  return TRUE;
}

static void
test_fail_stream_class_init (TestFailStreamClass *klass)
{
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  stream_class->write_fn = test_fail_stream_write;
  stream_class->close_fn = test_fail_stream_close;
}

static void
test_fail_stream_init (TestFailStream *self)
{
}

typedef struct
{
  gsize limit;
  gboolean fail_on_close;
  guint n_wrapped;
} FailSpec;

static GOutputStream *
wrap_failing (GOutputStream *stream,
              gpointer       user_data)
{
  FailSpec *spec = user_data;
  TestFailStream *wrapper = g_object_new (TEST_TYPE_FAIL_STREAM, "base-stream", stream, NULL);

  wrapper->limit = spec->limit;
  wrapper->fail_on_close = spec->fail_on_close;
  spec->n_wrapped++;
  return G_OUTPUT_STREAM (wrapper);
}

/* Helpers */

static guint
count_temporaries (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (".", base, ".cbsave-", NULL);

  return test_count_prefixed (dir, prefix);
}

static void
assert_file_is (const char *path,
                const char *expected)
{
  gsize length;
  g_autofree char *data = test_read_file (path, &length);

  test_assert_same_text (data, length, expected, strlen (expected));
}

static CbProject *
load_file (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CbProject *project = cb_project_load_from_file (file, CB_LOAD_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static mode_t
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Full disk */

typedef struct
{
  GMainLoop *loop;
  gboolean ok;
  GError *error;
} SaveData;

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SaveData *data = user_data;

  data->ok = cb_project_save_to_file_finish (CB_PROJECT (source), result, &data->error);
  g_assert_true (data->ok == (data->error == NULL));
  g_main_loop_quit (data->loop);
}

/* Starts an asynchronous save; save_wait() runs a main loop until it is done. */
static SaveData *
save_start (CbProject   *project,
            GFile       *file,
            CbSaveFlags  flags)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->loop = g_main_loop_new (NULL, FALSE);
  cb_project_save_to_file_async (project, file, flags, NULL, save_done, data);
  return data;
}

/* Returns NULL on success. */
static GError *
save_wait (SaveData *data)
{
  GError *error;

  g_main_loop_run (data->loop);
  g_main_loop_unref (data->loop);
  error = data->error;
  g_free (data);
  return error;
}

static GError *
save_async (CbProject   *project,
            GFile       *file,
            CbSaveFlags  flags)
{
  return save_wait (save_start (project, file, flags));
}

static void
test_full_disk (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *dir = test_make_dir ("full");
  g_autofree char *path = g_build_filename (dir, "full.coursebridge", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.coursebridge", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) fresh = g_file_new_for_path (fresh_path);
  /* In bytes, or fractions of the size that is written. */
  const gsize limits[] = { 0, 1, 100, G_MAXSIZE / 2, G_MAXSIZE };
  struct stat before, after;

  test_write_file (path, original, -1);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (limits) * 3 + 1; i++)
    {
      g_autoptr (CbProject) project = load_file (path);
      g_autoptr (GError) error = NULL;
      FailSpec spec = { 0 };
      gboolean ok;

      g_autofree char *to_write = NULL;

      cb_entity_set_string (CB_ENTITY (project), "title", "Edited, but the disk is full");
      to_write = test_serialize (project);
      if (i < G_N_ELEMENTS (limits) * 3)
        {
          spec.limit = limits[i / 3];
          if (spec.limit == G_MAXSIZE / 2)
            spec.limit = strlen (to_write) / 2;
          else if (spec.limit == G_MAXSIZE)
            spec.limit = strlen (to_write) - 1;
        }
      else
        {
          spec.limit = G_MAXSIZE;
          spec.fail_on_close = TRUE;
        }
      g_test_message ("fail after %" G_GSIZE_FORMAT " bytes%s, %s", spec.limit,
                      spec.fail_on_close ? " and on close" : "",
                      i % 3 == 0 ? "sync" : i % 3 == 1 ? "async" : "new file");
      _cb_project_set_save_stream_wrapper (wrap_failing, &spec);

      if (i % 3 == 0 || i == G_N_ELEMENTS (limits) * 3)
        ok = cb_project_save (project, NULL, &error);
      else if (i % 3 == 1)
        ok = (error = save_async (project, file, CB_SAVE_NONE)) == NULL;
      else
        ok = cb_project_save_to_file (project, fresh, CB_SAVE_NONE, NULL, &error);
      _cb_project_set_save_stream_wrapper (NULL, NULL);

      g_assert_false (ok);
      g_assert_cmpuint (spec.n_wrapped, ==, 1);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, i % 3 == 2 && !spec.fail_on_close ? "fresh.coursebridge" : "full.coursebridge"));

      /* The old file is untouched, nothing is left behind. */
      assert_file_is (path, original);
      g_assert_cmpint (g_stat (path, &after), ==, 0);
      g_assert_cmpint (after.st_ino, ==, before.st_ino);
      g_assert_cmpint (after.st_mode, ==, before.st_mode);
      g_assert_cmpuint (count_temporaries (path), ==, 0);
      g_assert_cmpuint (count_temporaries (fresh_path), ==, 0);
      g_assert_false (g_file_test (fresh_path, G_FILE_TEST_EXISTS));
      g_assert_true (cb_project_get_dirty (project));
      g_assert_true (g_file_equal (cb_project_get_file (project), file));

      /* With room again, the save goes through. */
      if (i == 0)
        {
          g_autofree char *saved = NULL;

          g_clear_error (&error);
          g_assert_true (cb_project_save (project, NULL, &error));
          g_assert_no_error (error);
          saved = test_serialize (project);
          assert_file_is (path, saved);
          g_assert_false (cb_project_get_dirty (project));
          g_assert_cmpuint (file_mode (path), ==, 0640);
          test_write_file (path, original, -1);
          g_assert_cmpint (g_stat (path, &before), ==, 0);
        }
    }
}

/* Permissions and links */

static void
test_permissions (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *dir = test_make_dir ("perm");
  const mode_t modes[] = { 0600, 0640, 0604, 0660 };
  mode_t old_mask = umask (022);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/p%o.coursebridge", dir, modes[i]);
      g_autoptr (CbProject) project = NULL;
      g_autoptr (GError) error = NULL;

      test_write_file (path, original, -1);
      g_assert_cmpint (g_chmod (path, modes[i]), ==, 0);
      project = load_file (path);
      cb_entity_set_string (CB_ENTITY (project), "title", "Edited");
      g_assert_true (cb_project_save (project, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (file_mode (path), ==, modes[i]);
      g_assert_cmpuint (count_temporaries (path), ==, 0);
    }

  /* A new file gets the usual permissions. */
  {
    g_autofree char *path = g_build_filename (dir, "new.coursebridge", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (CbProject) project = test_load_text (original);
    g_autoptr (GError) error = NULL;

    g_assert_true (cb_project_save_to_file (project, file, CB_SAVE_NONE, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (file_mode (path), ==, 0644);
    assert_file_is (path, original);
    g_assert_true (g_file_equal (cb_project_get_file (project), file));
  }
  umask (old_mask);
}

static void
test_symlink (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *real_dir = test_make_dir ("real");
  g_autofree char *link_dir = test_make_dir ("links");
  g_autofree char *target = g_build_filename (real_dir, "target.coursebridge", NULL);
  g_autofree char *link = g_build_filename (link_dir, "link.coursebridge", NULL);
  g_autofree char *link2 = g_build_filename (link_dir, "link2.coursebridge", NULL);
  g_autofree char *dangling = g_build_filename (link_dir, "dangling.coursebridge", NULL);
  g_autofree char *dangling_target = g_build_filename (real_dir, "later.coursebridge", NULL);
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *read_back = NULL;
  struct stat st;

  test_write_file (target, original, -1);
  g_assert_cmpint (symlink ("../real/target.coursebridge", link), ==, 0);
  g_assert_cmpint (symlink ("link.coursebridge", link2), ==, 0);

  project = load_file (link2);
  cb_entity_set_string (CB_ENTITY (project), "title", "Saved through two links");
  g_assert_true (cb_project_save (project, NULL, &error));
  g_assert_no_error (error);
  saved = test_serialize (project);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (link2, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  read_back = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_back, ==, "../real/target.coursebridge");
  assert_file_is (target, saved);
  g_assert_cmpuint (count_temporaries (target), ==, 0);
  g_assert_cmpuint (count_temporaries (link), ==, 0);
  g_assert_cmpuint (count_temporaries (link2), ==, 0);

  /* The change check follows the link too. */
  {
    gboolean changed = TRUE;

    g_assert_true (cb_project_check_file_changed (project, &changed, &error));
    g_assert_false (changed);
  }

  /* A link to a file that does not exist yet. */
  g_assert_cmpint (symlink (dangling_target, dangling), ==, 0);
  {
    g_autoptr (GFile) file = g_file_new_for_path (dangling);

    g_assert_true (cb_project_save_to_file (project, file, CB_SAVE_NONE, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_lstat (dangling, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
    g_free (saved);
    saved = test_serialize (project);
    assert_file_is (dangling_target, saved);
  }
}

/* Changes by others */

static void
test_changed_on_disk (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *other = test_replace (original, "Riverside Polytechnic University",
                                         "Riverside Polytechnic Universitx");
  g_autofree char *dir = test_make_dir ("changed");
  g_autofree char *path = g_build_filename (dir, "shared.coursebridge", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  gboolean changed = TRUE;
  struct stat before, after;
  struct timespec times[2];

  g_assert_cmpuint (strlen (other), ==, strlen (original));
  test_write_file (path, original, -1);
  project = load_file (path);
  g_assert_true (cb_project_check_file_changed (project, &changed, &error));
  g_assert_false (changed);
  cb_entity_set_string (CB_ENTITY (project), "title", "Mine");

  /* Someone else writes other bytes of the same size and keeps the time. */
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  test_write_file (path, other, -1);
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  g_assert_cmpint (after.st_size, ==, before.st_size);

  g_assert_true (cb_project_check_file_changed (project, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);

  g_assert_false (cb_project_save (project, NULL, &error));
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  assert_file_is (path, other);
  g_assert_cmpuint (count_temporaries (path), ==, 0);
  g_assert_true (cb_project_get_dirty (project));

  error = save_async (project, file, CB_SAVE_NONE);
  g_assert_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  assert_file_is (path, other);

  /* "Keep mine". */
  g_assert_true (cb_project_save_to_file (project, file, CB_SAVE_OVERWRITE_CHANGED, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *saved = test_serialize (project);

    assert_file_is (path, saved);
  }
  g_assert_true (cb_project_check_file_changed (project, &changed, &error));
  g_assert_false (changed);
  g_assert_false (cb_project_get_dirty (project));

  /* What we saved is what is checked next time. */
  cb_entity_set_string (CB_ENTITY (project), "title", "Mine again");
  g_assert_true (cb_project_save (project, NULL, &error));
  g_assert_no_error (error);

  /* Bytes changed and changed back are no change. */
  {
    gsize length;
    g_autofree char *now = test_read_file (path, &length);

    test_write_file (path, other, -1);
    test_write_file (path, now, (gssize) length);
    g_assert_true (cb_project_check_file_changed (project, &changed, &error));
    g_assert_false (changed);
  }

  /* A deleted file counts as changed. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (cb_project_check_file_changed (project, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);

  /* A project without a file has nothing to compare. */
  {
    g_autoptr (CbProject) loose = test_load_text (original);

    changed = TRUE;
    g_assert_true (cb_project_check_file_changed (loose, &changed, &error));
    g_assert_false (changed);
  }
}

static void
test_unchanged_save (void)
{
  g_autofree char *original = test_example_text ("robotics-zh.coursebridge");
  g_autofree char *dir = test_make_dir ("same");
  g_autofree char *path = g_build_filename (dir, "same.coursebridge", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.coursebridge", NULL);
  g_autoptr (GFile) other = g_file_new_for_path (other_path);
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GError) error = NULL;

  test_write_file (path, original, -1);
  project = load_file (path);
  g_assert_true (cb_project_save (project, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (path, original);

  /* An edit stamps "modified". */
  cb_entity_set_string (CB_ENTITY (project), "title", "Edited");
  g_assert_true (cb_project_save (project, NULL, &error));
  g_assert_no_error (error);
  {
    const char *modified = cb_entity_get_string (CB_ENTITY (project), "modified");
    g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (modified, NULL);

    g_assert_cmpstr (modified, !=, "2027-01-16T16:30:00Z");
    g_assert_nonnull (when);
    g_assert_true (g_str_has_suffix (modified, "Z"));
    g_assert_cmpuint (strlen (modified), ==, 20);
  }

  /* Save as: an existing file of another name is replaced without asking. */
  test_write_file (other_path, "not a project", -1);
  g_assert_true (cb_project_save_to_file (project, other, CB_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (cb_project_get_file (project), other));
  {
    g_autofree char *saved = test_serialize (project);

    assert_file_is (other_path, saved);
  }
}

/* Saves that cannot happen fail cleanly. */
static void
test_save_errors (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *dir = test_make_dir ("errors");
  g_autofree char *missing_dir = g_build_filename (dir, "no-such-folder", "x.coursebridge", NULL);
  g_autofree char *a_dir = g_build_filename (dir, "a-folder.coursebridge", NULL);
  g_autoptr (GFile) in_missing = g_file_new_for_path (missing_dir);
  g_autoptr (GFile) is_dir = g_file_new_for_path (a_dir);
  g_autoptr (CbProject) project = test_load_text (original);
  g_autoptr (GError) error = NULL;

  g_assert_false (cb_project_save_to_file (project, in_missing, CB_SAVE_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cb_project_get_file (project));

  g_assert_cmpint (g_mkdir (a_dir, 0700), ==, 0);
  g_assert_false (cb_project_save_to_file (project, is_dir, CB_SAVE_NONE, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_test (a_dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_temporaries (a_dir), ==, 0);
  g_assert_null (cb_project_get_file (project));

  /* Only local files. */
  {
    g_autoptr (GFile) remote = g_file_new_for_uri ("resource:///x.coursebridge");

    g_assert_false (cb_project_save_to_file (project, remote, CB_SAVE_NONE, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  }
}

/* Asynchronous loading and saving */

typedef struct
{
  GMainLoop *loop;
  CbProject *project;
  GError *error;
} LoadData;

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadData *data = user_data;

  g_assert_null (source);
  data->project = cb_project_load_from_file_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
load_async (GFile    *file,
            LoadData *data)
{
  data->loop = g_main_loop_new (NULL, FALSE);
  cb_project_load_from_file_async (file, CB_LOAD_NONE, NULL, load_done, data);
  g_main_loop_run (data->loop);
  g_main_loop_unref (data->loop);
}

static void
test_async (void)
{
  g_autofree char *original = test_example_text ("robotics-en.coursebridge");
  g_autofree char *dir = test_make_dir ("async");
  g_autofree char *path = g_build_filename (dir, "async.coursebridge", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.coursebridge", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent/missing.coursebridge");
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  LoadData data = { 0 };

  test_write_file (path, original, -1);
  load_async (file, &data);
  g_assert_no_error (data.error);
  project = g_steal_pointer (&data.project);
  g_assert_true (CB_IS_PROJECT (project));
  g_assert_true (g_file_equal (cb_project_get_file (project), file));
  test_assert_serializes_to (project, original);

  test_write_file (bad_path, "{\n  \"format\": \"coursebridge-project\",\n  \"x\": 'y'\n}", -1);
  load_async (bad, &data);
  g_assert_null (data.project);
  g_assert_error (data.error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON);
  g_assert_cmpuint (cb_project_error_get_line (data.error), ==, 3);
  g_assert_cmpuint (cb_project_error_get_column (data.error), ==, 8);
  g_clear_error (&data.error);

  load_async (missing, &data);
  g_assert_null (data.project);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&data.error);

  /* Saving in the background. */
  cb_entity_set_string (CB_ENTITY (project), "title", "Saved in the background");
  error = save_async (project, file, CB_SAVE_NONE);
  g_assert_no_error (error);
  g_assert_false (cb_project_get_dirty (project));
  first = test_serialize (project);
  assert_file_is (path, first);

  /* An edit made while the save runs keeps the project dirty; the file
   * holds the state when the save began. First an edit of another member,
   * then more typing in the member just edited. */
  for (guint round = 0; round < 2; round++)
    {
      CbEntity *course = test_course (project, 0);
      SaveData *pending;

      cb_entity_set_string (CB_ENTITY (project), "title", round == 0 ? "First" : "Third");
      pending = save_start (project, file, CB_SAVE_NONE);
      g_free (first);
      first = test_serialize (project);
      if (round == 0)
        cb_entity_set_number (course, "credits", 9);
      else
        cb_entity_set_string (CB_ENTITY (project), "title", "Third and more");
      error = save_wait (pending);
      g_assert_no_error (error);
      assert_file_is (path, first);
      if (!cb_project_get_dirty (project))
        g_test_fail_printf ("round %u: the project differs from the file it was just saved to, "
                            "but is not dirty", round);

      g_assert_true (cb_project_save (project, NULL, &error));
      g_assert_no_error (error);
      g_assert_false (cb_project_get_dirty (project));
      g_free (first);
      first = test_serialize (project);
      assert_file_is (path, first);
    }
  g_assert_cmpstr (cb_project_get_title (project), ==, "Third and more");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/save/full-disk", test_full_disk);
  g_test_add_func ("/core/save/permissions", test_permissions);
  g_test_add_func ("/core/save/symlink", test_symlink);
  g_test_add_func ("/core/save/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/core/save/unchanged", test_unchanged_save);
  g_test_add_func ("/core/save/errors", test_save_errors);
  g_test_add_func ("/core/save/async", test_async);

  return g_test_run ();
}
