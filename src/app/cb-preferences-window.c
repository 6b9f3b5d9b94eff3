/* cb-preferences-window.c: who you are, autosave, where exports go
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is stored in GSettings at once; there is no Apply. The
 * identity is what reviews and approvals are signed with.
 */

#define G_LOG_DOMAIN "cb-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-preferences-window.h"
#include "cb-dialogs.h"
#include "coursebridge-core.h"

struct _CbPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  AdwEntryRow *name_row;
  AdwComboRow *role_row;
  AdwEntryRow *organization_row;
  GtkSwitch *autosave_switch;
  AdwActionRow *folder_row;
};

G_DEFINE_FINAL_TYPE (CbPreferencesWindow, cb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const roles[] = {
  "teacher", "enterprise-expert", "researcher", "coordinator", "reviewer", NULL
};

static void
update_folder_row (CbPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "default-export-folder");

  adw_action_row_set_subtitle (self->folder_row,
                               *folder != '\0' ? folder : _("The folder of the project file"));
}

static void
on_folder_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (CbPreferencesWindow) self = user_data;
  g_autoptr (GFile) folder = cb_choose_file_finish (result);
  g_autofree char *path = NULL;

  if (folder == NULL || (path = g_file_get_path (folder)) == NULL)
    return;
  g_settings_set_string (self->settings, "default-export-folder", path);
}

static void
on_choose_folder (CbPreferencesWindow *self)
{
  cb_choose_folder_async (GTK_WINDOW (self), _("Default Export Folder"), on_folder_chosen,
                          g_object_ref (self));
}

static void
on_reset_folder (CbPreferencesWindow *self)
{
  g_settings_reset (self->settings, "default-export-folder");
}

static void
on_role_selected (CbPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  if (selected < G_N_ELEMENTS (roles) - 1)
    g_settings_set_string (self->settings, "identity-role", roles[selected]);
}

static void
cb_preferences_window_dispose (GObject *object)
{
  CbPreferencesWindow *self = CB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cb_preferences_window_parent_class)->dispose (object);
}

static void
cb_preferences_window_class_init (CbPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cb_preferences_window_dispose;
}

static GtkWidget *
group (AdwPreferencesPage *page,
       const char         *title,
       const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return group;
}

static void
cb_preferences_window_init (CbPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *identity, *editing, *export;
  GtkWidget *autosave_row;
  GtkWidget *choose, *reset;
  g_autoptr (GtkStringList) role_labels = gtk_string_list_new (NULL);
  g_autofree char *role = NULL;

  self->settings = g_settings_new (BASE_APP_ID);
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  identity = group (page, _("You"),
                    _("Reviews, approvals and the modules you add are signed with your name and organization."));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  g_settings_bind (self->settings, "identity-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (identity), GTK_WIDGET (self->name_row));

  for (guint i = 0; roles[i] != NULL; i++)
    gtk_string_list_append (role_labels, cb_value_get_label (roles[i]));
  self->role_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), _("Role"));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (role_labels));
  role = g_settings_get_string (self->settings, "identity-role");
  for (guint i = 0; roles[i] != NULL; i++)
    if (g_strcmp0 (roles[i], role) == 0)
      adw_combo_row_set_selected (self->role_row, i);
  g_signal_connect_object (self->role_row, "notify::selected", G_CALLBACK (on_role_selected), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (identity), GTK_WIDGET (self->role_row));

  self->organization_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->organization_row), _("School or Company"));
  g_settings_bind (self->settings, "identity-organization", self->organization_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (identity), GTK_WIDGET (self->organization_row));

  editing = group (page, _("Editing"), NULL);
  autosave_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (autosave_row), _("Keep Recovery Copies"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (autosave_row),
                               _("Unsaved changes are copied aside every few seconds, so that they survive a crash"));
  self->autosave_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->autosave_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->autosave_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Keep Recovery Copies"), -1);
  g_settings_bind (self->settings, "autosave", self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (autosave_row), GTK_WIDGET (self->autosave_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (autosave_row), GTK_WIDGET (self->autosave_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (editing), autosave_row);

  export = group (page, _("Exports"), NULL);
  self->folder_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->folder_row), _("Default Export Folder"));
  choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect_object (choose, "clicked", G_CALLBACK (on_choose_folder), self, G_CONNECT_SWAPPED);
  reset = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _("Use the Folder of the Project File"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Use the Folder of the Project File"), -1);
  g_signal_connect_object (reset, "clicked", G_CALLBACK (on_reset_folder), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->folder_row, choose);
  adw_action_row_add_suffix (self->folder_row, reset);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (export), GTK_WIDGET (self->folder_row));
  g_signal_connect_object (self->settings, "changed::default-export-folder",
                           G_CALLBACK (update_folder_row), self, G_CONNECT_SWAPPED);
  update_folder_row (self);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/**
 * cb_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer full): a new preferences window
 */
GtkWidget *
cb_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (CB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
