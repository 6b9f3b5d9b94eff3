/* cb-application.c: the Coursebridge application
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-window.h"

struct _CbApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CbApplication, cb_application, ADW_TYPE_APPLICATION)

/**
 * cb_application_new:
 *
 * Creates the application. It opens one window per file it is given, and
 * an empty window when it is started without files.
 *
 * Returns: (transfer full): a new #CbApplication
 */
CbApplication *
cb_application_new (void)
{
  return g_object_new (CB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* Pinned, so that a Devel build (whose id differs) still
                        * finds its resources, such as gtk/help-overlay.ui. */
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

static void
cb_application_activate (GApplication *application)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    window = GTK_WINDOW (cb_window_new (GTK_APPLICATION (application)));

  gtk_window_present (window);
}

static void
cb_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      CbWindow *window = cb_window_new (GTK_APPLICATION (application));

      cb_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CbApplication *self = user_data;
  GList *windows;

  /* Close the windows rather than quitting outright, so that each one
   * goes through its close-request handler and saves its state. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  if (windows == NULL)
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }

  windows = g_list_copy (windows);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CbApplication *self = user_data;
  CbWindow *window;

  window = cb_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CbApplication *self = user_data;
  GtkWindow *parent;
  GtkWidget *about;
  static const char *developers[] = {
    "The Coursebridge authors",
    NULL
  };

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Coursebridge"),
                        "application-icon", BASE_APP_ID,
                        "developer-name", _("The Coursebridge authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Build curricula together with industry partners: "
                                      "courses, skills, outcomes and the people who "
                                      "shape them, in one plain file."),
                        "website", "https://github.com/coursebridge/coursebridge",
                        "issue-url", "https://github.com/coursebridge/coursebridge/issues",
                        "copyright", _("© 2026 The Coursebridge authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your names,
                         * one name per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "new-window", new_window_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static void
cb_application_startup (GApplication *application)
{
  CbApplication *self = CB_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (cb_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window",
                                         new_window_accels);
}

static void
cb_application_class_init (CbApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = cb_application_startup;
  app_class->activate = cb_application_activate;
  app_class->open = cb_application_open;
}

static void
cb_application_init (CbApplication *self)
{
}
