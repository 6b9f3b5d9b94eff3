/* cb-application.c: the Coursebridge application
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-application.h"
#include "cb-dialogs.h"
#include "cb-preferences-window.h"
#include "cb-window.h"

struct _CbApplication
{
  AdwApplication parent_instance;

  gboolean asked_identity;
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

/* Asks, once and without blocking, who the user is: reviews and approvals
 * are signed with it. */
static void
ask_identity (CbApplication *self,
              GtkWindow     *window)
{
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *name = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  if (self->asked_identity || !CB_IS_WINDOW (window))
    return;
  self->asked_identity = TRUE;
  settings = g_settings_new (BASE_APP_ID);
  name = g_settings_get_string (settings, "identity-name");
  if (*name != '\0')
    return;
  overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  if (!ADW_IS_TOAST_OVERLAY (overlay))
    return;
  toast = adw_toast_new (_("Tell Coursebridge your name to sign reviews and approvals"));
  adw_toast_set_button_label (toast, _("_Set Up…"));
  adw_toast_set_action_name (toast, "app.preferences");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
cb_application_activate (GApplication *application)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    window = GTK_WINDOW (cb_window_new (GTK_APPLICATION (application)));

  gtk_window_present (window);
  ask_identity (CB_APPLICATION (application), window);
}

/* The window that shows @file already, if any. */
static CbWindow *
find_window (CbApplication *self,
             GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CB_IS_WINDOW (l->data) && cb_window_get_file (l->data) != NULL &&
        g_file_equal (cb_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

/* An empty window to use instead of a new one. */
static CbWindow *
empty_window (CbApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CB_IS_WINDOW (active) && cb_window_is_empty (CB_WINDOW (active)))
    return CB_WINDOW (active);
  return cb_window_new (GTK_APPLICATION (self));
}

/**
 * cb_application_open_file:
 *
 * Shows @file: raises the window that has it open already, or opens it in
 * the empty window or a new one. One window per project.
 */
void
cb_application_open_file (CbApplication *self,
                          GFile         *file)
{
  CbWindow *window;

  g_return_if_fail (CB_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window (self, file);
  if (window == NULL)
    {
      window = empty_window (self);
      cb_window_open (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
cb_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    cb_application_open_file (CB_APPLICATION (application), files[i]);
  ask_identity (CB_APPLICATION (application),
                gtk_application_get_active_window (GTK_APPLICATION (application)));
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  CbApplication *self = user_data;
  CbWindow *window = empty_window (self);

  cb_window_new_project (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_open_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (CbApplication) self = user_data;
  g_autoptr (GListModel) files = cb_choose_files_finish (result);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr (GFile) file = g_list_model_get_item (files, i);

      cb_application_open_file (self, file);
    }
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CbApplication *self = user_data;

  cb_choose_open_files_async (gtk_application_get_active_window (GTK_APPLICATION (self)),
                              on_open_chosen, g_object_ref (self));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CbApplication *self = user_data;
  GtkWidget *preferences =
    cb_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)));

  gtk_window_present (GTK_WINDOW (preferences));
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
  { "new", new_activated, NULL, NULL, NULL, { 0 } },
  { "open", open_activated, NULL, NULL, NULL, { 0 } },
  { "new-window", new_window_activated, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static void
cb_application_startup (GApplication *application)
{
  CbApplication *self = CB_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (cb_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
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
