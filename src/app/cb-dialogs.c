/* cb-dialogs.c: the questions the app asks, as async calls
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Message dialogs (AdwMessageDialog) and file choosers
 * (GtkFileChooserNative, which uses the portal where there is one) behind
 * _async/_finish wrappers, so that callers read as a sequence of steps.
 * Tests set the next answer with cb_dialogs_set_test_answer() and never
 * see a dialog.
 */

#define G_LOG_DOMAIN "cb-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-dialogs.h"

static gboolean test_answer_set;
static int test_answer;
static GFile *test_file;

/**
 * cb_dialogs_set_test_answer:
 * @response: the CbResponse the next question gets
 * @file: (nullable): the file the next file chooser returns
 */
void
cb_dialogs_set_test_answer (int    response,
                            GFile *file)
{
  test_answer_set = TRUE;
  test_answer = response;
  g_set_object (&test_file, file);
}

static gboolean
take_test_answer (GTask *task,
                  gboolean for_file)
{
  if (!test_answer_set)
    return FALSE;
  test_answer_set = FALSE;
  if (for_file)
    {
      if (test_file != NULL)
        g_task_return_pointer (task, g_steal_pointer (&test_file), g_object_unref);
      else
        g_task_return_pointer (task, NULL, NULL);
    }
  else
    g_task_return_int (task, test_answer);
  return TRUE;
}

void
cb_show_error (GtkWindow  *parent,
               const char *heading,
               const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_message_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GTask            *task)
{
  static const struct {
    const char *id;
    int response;
  } map[] = {
    { "save", CB_RESPONSE_SAVE },
    { "discard", CB_RESPONSE_DISCARD },
    { "reload", CB_RESPONSE_RELOAD },
  };
  int value = CB_RESPONSE_CANCEL;

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (response, map[i].id) == 0)
      value = map[i].response;
  g_task_return_int (task, value);
  g_object_unref (task);
}

static void
ask (GtkWindow           *parent,
     const char          *heading,
     const char          *body,
     const char * const  *responses,   /* id, label, appearance … NULL */
     const char          *default_response,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);
  GtkWidget *dialog;

  if (take_test_answer (task, FALSE))
    {
      g_object_unref (task);
      return;
    }
  dialog = adw_message_dialog_new (parent, heading, body);
  for (guint i = 0; responses[i] != NULL; i += 3)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), responses[i], _(responses[i + 1]));
      if (g_strcmp0 (responses[i + 2], "suggested") == 0)
        adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), responses[i],
                                                    ADW_RESPONSE_SUGGESTED);
      else if (g_strcmp0 (responses[i + 2], "destructive") == 0)
        adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), responses[i],
                                                    ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), default_response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_message_response), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cb_ask_save_changes_async:
 * @title: the project's title
 *
 * Asks whether to save unsaved changes before closing: Save, Discard or
 * Cancel. Finish with cb_ask_finish().
 */
void
cb_ask_save_changes_async (GtkWindow           *parent,
                           const char          *title,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  static const char * const responses[] = {
    "cancel", N_("_Cancel"), "",
    "discard", N_("_Discard"), "destructive",
    "save", N_("_Save"), "suggested",
    NULL
  };
  g_autofree char *heading = g_strdup_printf (_("Save Changes to “%s”?"), title);

  ask (parent, heading,
       _("Changes which are not saved will be permanently lost."),
       responses, "save", callback, user_data);
}

/**
 * cb_ask_changed_on_disk_async:
 *
 * Asks what to do about a file someone else changed: Reload it (losing
 * the unsaved changes), Keep Mine (overwrite it) or Cancel.
 */
void
cb_ask_changed_on_disk_async (GtkWindow           *parent,
                              const char          *title,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  static const char * const responses[] = {
    "cancel", N_("_Cancel"), "",
    "reload", N_("_Reload"), "destructive",
    "save", N_("_Keep Mine"), "suggested",
    NULL
  };
  g_autofree char *heading = g_strdup_printf (_("“%s” Changed on Disk"), title);

  ask (parent, heading,
       _("Another program changed the file since you opened it. Reload it and lose your "
         "unsaved changes, or keep your version and overwrite theirs."),
       responses, "cancel", callback, user_data);
}

int
cb_ask_finish (GAsyncResult *result)
{
  g_autoptr (GError) error = NULL;
  gssize value = g_task_propagate_int (G_TASK (result), &error);

  return error != NULL ? CB_RESPONSE_CANCEL : (int) value;
}

/* File choosers */

static void
add_project_filters (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (projects, _("Coursebridge projects"));
  gtk_file_filter_add_mime_type (projects, "application/x-coursebridge+json");
  gtk_file_filter_add_suffix (projects, "coursebridge");
  gtk_file_filter_set_name (json, _("JSON files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  /* gtk_file_chooser_add_filter takes its own reference. */
  gtk_file_chooser_add_filter (chooser, projects);
  gtk_file_chooser_add_filter (chooser, json);
}

static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    GTask           *task)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);

  if (response != GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, NULL, NULL);
  else if (gtk_file_chooser_get_select_multiple (chooser))
    g_task_return_pointer (task, gtk_file_chooser_get_files (chooser), g_object_unref);
  else
    g_task_return_pointer (task, gtk_file_chooser_get_file (chooser), g_object_unref);
  g_object_unref (task);
  g_object_unref (native);
}

static void
run_native (GtkFileChooserNative *native,
            GTask                *task)
{
  g_signal_connect (native, "response", G_CALLBACK (on_native_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
cb_choose_save_file_async (GtkWindow           *parent,
                           const char          *suggested_name,
                           GFile               *current,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);
  GtkFileChooserNative *native;

  if (take_test_answer (task, TRUE))
    {
      g_object_unref (task);
      return;
    }
  native = gtk_file_chooser_native_new (_("Save Project"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_project_filters (GTK_FILE_CHOOSER (native));
  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), current, NULL);
  else if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  run_native (native, task);
}

void
cb_choose_open_files_async (GtkWindow           *parent,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);
  GtkFileChooserNative *native;

  if (test_answer_set)
    {
      GListStore *files = g_list_store_new (G_TYPE_FILE);

      test_answer_set = FALSE;
      if (test_file != NULL)
        g_list_store_append (files, test_file);
      g_clear_object (&test_file);
      g_task_return_pointer (task, files, g_object_unref);
      g_object_unref (task);
      return;
    }
  native = gtk_file_chooser_native_new (_("Open Project"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  add_project_filters (GTK_FILE_CHOOSER (native));
  run_native (native, task);
}

void
cb_choose_folder_async (GtkWindow           *parent,
                        const char          *title,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);
  GtkFileChooserNative *native;

  if (take_test_answer (task, TRUE))
    {
      g_object_unref (task);
      return;
    }
  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  run_native (native, task);
}

/**
 * cb_choose_file_finish:
 *
 * Returns: (transfer full) (nullable): the file chosen, or %NULL if the
 * user cancelled
 */
GFile *
cb_choose_file_finish (GAsyncResult *result)
{
  return g_task_propagate_pointer (G_TASK (result), NULL);
}

/**
 * cb_choose_files_finish:
 *
 * Returns: (transfer full) (nullable): the files chosen
 */
GListModel *
cb_choose_files_finish (GAsyncResult *result)
{
  return g_task_propagate_pointer (G_TASK (result), NULL);
}
