/* ui-test-util.h: a clean environment for tests of real windows
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * G_TEST_OPTION_ISOLATE_DIRS would also replace the system data folders,
 * where GTK finds the MIME database it needs to load its own SVG icons.
 * So the UI tests isolate only the user's folders (drafts, recent files,
 * settings), in a temporary folder removed at the end.
 */
#pragma once

#include <glib/gstdio.h>
#include <adwaita.h>

static char *cb_ui_test_root;

static void
cb_ui_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cb_ui_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Returns FALSE when there is no display to test on. */
static inline gboolean
cb_ui_test_init (int    *argc,
                 char ***argv)
{
  static const char *dirs[] = {
    "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };

  /* A test's subprocess shares its parent's folders. */
  if (g_getenv ("CB_UI_TEST_ROOT") != NULL)
    cb_ui_test_root = g_strdup (g_getenv ("CB_UI_TEST_ROOT"));
  else
    cb_ui_test_root = g_dir_make_tmp ("cb-ui-test-XXXXXX", NULL);
  g_assert_nonnull (cb_ui_test_root);
  g_setenv ("CB_UI_TEST_ROOT", cb_ui_test_root, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (cb_ui_test_root, dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (dirs[i], dir, TRUE);
    }
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  return TRUE;
}

/* The drafts folder emptied, for tests that count drafts. */
static inline void
cb_ui_test_clear_drafts (void)
{
  g_autofree char *drafts = g_build_filename (g_get_user_data_dir (), "coursebridge", "drafts", NULL);

  cb_ui_test_remove_tree (drafts);
}

static inline int
cb_ui_test_finish (int status)
{
  /* Only the process that made the folder removes it (not a test's
   * subprocess, which shares it). */
  if (cb_ui_test_root != NULL && !g_test_subprocess ())
    cb_ui_test_remove_tree (cb_ui_test_root);
  g_clear_pointer (&cb_ui_test_root, g_free);
  return status;
}
