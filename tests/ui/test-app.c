/* test-app.c: the application's windows and resources, under a display
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cb-test-app"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "cb-window.h"
#include "ui-test-util.h"

#define LOAD_TIMEOUT_SECONDS 30

static void
on_window_loading_notify (CbWindow   *window,
                          GParamSpec *pspec,
                          GMainLoop  *loop)
{
  if (!cb_window_get_loading (window))
    g_main_loop_quit (loop);
}

static gboolean
on_load_timeout (gpointer user_data)
{
  g_error ("The project did not load within %d seconds", LOAD_TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

/* Opens @path in @window and runs a main loop until the load has finished. */
static void
open_and_wait (CbWindow   *window,
               const char *path)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gulong handler;
  guint timeout;

  handler = g_signal_connect (window, "notify::loading",
                              G_CALLBACK (on_window_loading_notify), loop);
  timeout = g_timeout_add_seconds (LOAD_TIMEOUT_SECONDS, on_load_timeout, NULL);

  cb_window_open (window, file);
  g_assert_true (cb_window_get_loading (window));
  g_assert_true (cb_window_get_file (window) == file);
  g_main_loop_run (loop);

  g_clear_handle_id (&timeout, g_source_remove);
  g_signal_handler_disconnect (window, handler);
  g_assert_false (cb_window_get_loading (window));
}

/* Destroys @window and checks that nothing else kept it alive. */
static void
destroy_window (CbWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Let GTK drop what it holds for a window that was shown. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

static void
test_settings_schema (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *role = NULL;

  /* g_settings_new() aborts when the schema is not installed, so this also
   * checks that GSETTINGS_SCHEMA_DIR points at the compiled schema. */
  settings = g_settings_new (BASE_APP_ID);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), >, 0);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), >, 0);
  g_assert_true (g_settings_get_boolean (settings, "autosave"));
  role = g_settings_get_string (settings, "identity-role");
  g_assert_cmpstr (role, ==, "teacher");
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_window_empty (void)
{
  CbWindow *window = cb_window_new (NULL);

  g_assert_true (CB_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Coursebridge");
  g_assert_null (cb_window_get_file (window));
  g_assert_null (cb_window_get_project (window));
  g_assert_false (cb_window_get_loading (window));

  destroy_window (window);
}

static void
test_window_size_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  CbWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", 720);
  g_settings_set_int (settings, "window-height", 500);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = cb_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 500);

  /* Closing (rather than destroying) goes through close-request, which
   * saves the size; GTK only closes a window that was realized. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 560);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 560);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_open_example (void)
{
  g_autofree char *path = NULL;
  CbWindow *window;
  CbProject *project;
  const char *title;

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                "robotics-en.coursebridge", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("data/examples/robotics-en.coursebridge does not exist yet");
      return;
    }

  window = cb_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  open_and_wait (window, path);

  project = cb_window_get_project (window);
  g_assert_nonnull (project);
  title = cb_project_get_title (project);
  g_assert_nonnull (title);
  g_assert_cmpstr (title, !=, "");
  {
    g_autofree char *expected = g_strdup_printf ("%s — Coursebridge", title);

    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, expected);
  }
  g_assert_cmpuint (g_list_model_get_n_items (cb_project_get_list (project, "courses")), >, 0);

  destroy_window (window);
}

/* A title with markup characters must show as written, not as markup. */
static void
test_window_open_markup_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  CbWindow *window;

  dir = g_dir_make_tmp ("cb-test-app-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "markup.coursebridge", NULL);
  g_file_set_contents (path,
                       "{\n"
                       "  \"format\": \"coursebridge-project\",\n"
                       "  \"format_version\": 1,\n"
                       "  \"title\": \"R&D <b>Robots</b>\"\n"
                       "}\n",
                       -1, &error);
  g_assert_no_error (error);

  window = cb_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  open_and_wait (window, path);

  g_assert_nonnull (cb_window_get_project (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "R&D <b>Robots</b> — Coursebridge");

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_window_open_missing (void)
{
  g_autofree char *path = NULL;
  CbWindow *window;

  path = g_test_build_filename (G_TEST_BUILT, "no-such-project.coursebridge", NULL);

  window = cb_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  open_and_wait (window, path);

  /* The error is shown in the window; the window stays usable. */
  g_assert_null (cb_window_get_project (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Coursebridge");

  destroy_window (window);
}

static void
test_window_open_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  CbWindow *window;

  dir = g_dir_make_tmp ("cb-test-app-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "broken <&>.coursebridge", NULL);
  g_file_set_contents (path, "{ \"format\": \"coursebridge-project\", ", -1, &error);
  g_assert_no_error (error);

  window = cb_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  open_and_wait (window, path);

  g_assert_null (cb_window_get_project (window));

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Without a display there is nothing to test: report a skip (77) rather
   * than a failure. build-aux/dev runs this suite under xvfb-run. */
  if (!cb_ui_test_init (&argc, &argv))
    {
      g_printerr ("No display: skipping the UI tests (run them under xvfb-run)\n");
      return cb_ui_test_finish (77);
    }

  g_test_add_func ("/ui/settings/schema", test_settings_schema);
  g_test_add_func ("/ui/help-overlay", test_help_overlay);
  g_test_add_func ("/ui/window/empty", test_window_empty);
  g_test_add_func ("/ui/window/size-saved", test_window_size_saved);
  g_test_add_func ("/ui/window/open-example", test_window_open_example);
  g_test_add_func ("/ui/window/open-markup-title", test_window_open_markup_title);
  g_test_add_func ("/ui/window/open-missing", test_window_open_missing);
  g_test_add_func ("/ui/window/open-invalid", test_window_open_invalid);

  return cb_ui_test_finish (g_test_run ());
}
