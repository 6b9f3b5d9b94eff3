/* cb-screenshots.c: renders the main pages of the app to PNG files
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: cb-screenshots OUTPUT-DIR EXAMPLE-FILE
 *
 * Opens the example in a real window (under Xvfb, from build-aux/dev
 * screenshots), visits the start screen and every section, opens the first
 * course and its first module, and writes one PNG per view. The language
 * is the one the environment selects (LANGUAGE, LC_ALL).
 */
#define G_LOG_DOMAIN "cb-screenshots"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "cb-application.h"
#include "cb-collection-page.h"
#include "cb-window.h"

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
save_png (GtkWidget  *widget,
          const char *dir,
          const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* A page just switched to may need a frame or two before it draws. */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        spin (100);
    }
  if (node == NULL)
    g_error ("Nothing was drawn for %s", name);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_print ("%s\n", path);
}

static const char *output_dir;
static const char *example;

static void
take_screenshots (GtkApplication *application)
{
  static const char *sections[] = {
    "overview", "courses", "skills", "outcomes", "people", "partners", "reviews", "problems",
  };
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (example);
  CbWindow *window = CB_WINDOW (gtk_application_get_active_window (application));
  CbCollectionPage *courses;
  CbProject *project;

  /* No transitions caught half-way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  spin (800);
  save_png (GTK_WIDGET (window), output_dir, "start");

  cb_window_open (window, file);
  while (cb_window_get_loading (window))
    spin (20);
  project = cb_window_get_project (window);
  if (project == NULL)
    g_error ("Could not open %s: %s", example, cb_window_get_status_text (window));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", sections[i]);
      spin (400);
      save_png (GTK_WIDGET (window), output_dir, sections[i]);
    }

  /* A course, then one of its modules. */
  courses = CB_COLLECTION_PAGE (cb_window_get_page (window, "courses"));
  cb_window_show_entity (window, cb_entity_get_child (CB_ENTITY (project), "courses", 0), NULL);
  spin (400);
  save_png (GTK_WIDGET (window), output_dir, "course");
  cb_window_show_entity (window,
                         cb_entity_get_child (cb_collection_page_get_shown (courses), "modules", 0),
                         NULL);
  spin (400);
  save_png (GTK_WIDGET (window), output_dir, "module");

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (application));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (CbApplication) app = NULL;
  g_autoptr (GSettings) settings = NULL;
  char *app_argv[] = { argv[0], NULL };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COURSEBRIDGE_LOCALEDIR") ? g_getenv ("COURSEBRIDGE_LOCALEDIR")
                                                                        : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc != 3)
    {
      g_printerr ("Usage: %s OUTPUT-DIR EXAMPLE-FILE\n", argv[0]);
      return 2;
    }
  output_dir = argv[1];
  example = argv[2];
  g_mkdir_with_parents (output_dir, 0755);

  /* Someone who has said who they are: no first-start question on screen. */
  settings = g_settings_new (BASE_APP_ID);
  g_settings_set_string (settings, "identity-name", "Li Hua");

  /* The real application, so that its actions (New, Open…) are there. */
  app = cb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (take_screenshots), NULL);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
