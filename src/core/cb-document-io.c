/* cb-document-io.c: loading, reloading and saving a document's file
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project reads and writes the file in a worker thread
 * (cb-project-io.c); the document keeps its state around that: loading and
 * saving flags, the file state, the notice, the draft and the file monitor.
 */

#define G_LOG_DOMAIN "cb-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cb-document-private.h"

/* Loading */

static void
on_project_loaded (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  CbDocument *self = g_task_get_source_object (task);
  CbLoadFlags flags = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr (CbProject) project = NULL;
  g_autoptr (GError) error = NULL;

  project = cb_project_load_from_file_finish (result, &error);

  /* A newer version wrote it: open it anyway, read-only, and say why. */
  if (project == NULL && !(flags & CB_LOAD_ALLOW_NEWER) &&
      g_error_matches (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_NEWER_VERSION))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      g_task_set_task_data (task, GUINT_TO_POINTER (flags | CB_LOAD_ALLOW_NEWER), NULL);
      cb_project_load_from_file_async (self->file, flags | CB_LOAD_ALLOW_NEWER, cancellable,
                                       on_project_loaded, g_steal_pointer (&task));
      return;
    }

  if (project == NULL)
    {
      _cb_document_set_loading (self, FALSE);
      if (self->check_pending)
        _cb_document_check_now (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (cb_project_get_read_only (project))
    _cb_document_set_notice (self, _("This project was written by a newer version of Coursebridge, "
                                     "so it is open read-only: changes cannot be saved. Update "
                                     "Coursebridge to edit it."));
  else
    _cb_document_set_notice (self, NULL);
  /* The edits the draft held are gone with the old project. */
  _cb_document_remove_draft (self);
  _cb_document_set_project (self, project);
  _cb_document_set_file_state (self, CB_FILE_STATE_OK, FALSE);
  _cb_document_set_loading (self, FALSE);
  self->check_pending = FALSE;
  _cb_document_start_monitor (self);
  g_object_thaw_notify (G_OBJECT (self));

  g_task_return_boolean (task, TRUE);
}

static void
start_load (CbDocument          *self,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, GUINT_TO_POINTER (CB_LOAD_NONE), NULL);
  if (self->loading || self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The project is still being loaded or saved."));
      return;
    }
  _cb_document_set_loading (self, TRUE);
  cb_project_load_from_file_async (self->file, CB_LOAD_NONE, cancellable,
                                   on_project_loaded, g_steal_pointer (&task));
}

/**
 * cb_document_load_async:
 *
 * Loads the document's file in a worker thread. A file written by a newer
 * version of Coursebridge is opened read-only, with #CbDocument:notice
 * saying why; any other failure leaves the document as it was. Once
 * loaded, the problems are up to date and the file is watched.
 */
void
cb_document_load_async (CbDocument          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));
  g_return_if_fail (self->file != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_load (self, cb_document_load_async, cancellable, callback, user_data);
}

/**
 * cb_document_load_finish:
 *
 * Returns: %TRUE when the project was loaded, or %FALSE with @error set
 *   (a %CB_PROJECT_ERROR with the line and column where known)
 */
gboolean
cb_document_load_finish (CbDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cb_document_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cb_document_reload_async:
 *
 * Reads the file again and replaces the project with it (#CbDocument:project
 * changes), discarding the edits made here and their draft. On failure
 * the project and its edits stay as they were.
 */
void
cb_document_reload_async (CbDocument          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));
  g_return_if_fail (self->file != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_load (self, cb_document_reload_async, cancellable, callback, user_data);
}

gboolean
cb_document_reload_finish (CbDocument    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cb_document_reload_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saving */

static void
on_project_saved (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  CbDocument *self = g_task_get_source_object (task);
  GFile *target = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  _cb_document_set_saving (self, FALSE);

  if (!cb_project_save_to_file_finish (CB_PROJECT (source_object), result, &error))
    {
      /* The caller asks the user what to do; the state is known already,
       * so the check this may have deferred does not signal it again. */
      if (g_error_matches (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_CHANGED_ON_DISK))
        _cb_document_set_file_state (self, CB_FILE_STATE_CHANGED, FALSE);
      if (self->check_pending)
        _cb_document_check_now (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (self->file == NULL || !g_file_equal (self->file, target))
    {
      _cb_document_set_file (self, target);
      _cb_document_start_monitor (self);
    }
  _cb_document_set_file_state (self, CB_FILE_STATE_OK, FALSE);
  /* The draft was based on the old file. Edits made while the save ran
   * keep the project dirty; they get a new draft based on the new file. */
  _cb_document_remove_draft (self);
  _cb_document_schedule_autosave (self);
  if (self->check_pending)
    _cb_document_check_now (self);
  g_object_thaw_notify (G_OBJECT (self));

  g_task_return_boolean (task, TRUE);
}

/**
 * cb_document_save_async:
 * @file: (nullable): where to save ("Save As"), or %NULL for the document's
 *   own file
 * @flags: %CB_SAVE_OVERWRITE_CHANGED once the user chose to keep their
 *   version over a file changed on disk
 *
 * Saves the project atomically in a worker thread. On success the
 * document points at @file, its draft is removed and the file state is
 * %CB_FILE_STATE_OK. Errors are returned as the project reports them; with
 * %CB_PROJECT_ERROR_CHANGED_ON_DISK the file state becomes
 * %CB_FILE_STATE_CHANGED (without #CbDocument::externally-changed).
 */
void
cb_document_save_async (CbDocument          *self,
                        GFile               *file,
                        CbSaveFlags          flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GFile *target;

  g_return_if_fail (CB_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);
  g_return_if_fail (self->project != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  target = file != NULL ? file : self->file;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_document_save_async);
  g_task_set_task_data (task, g_object_ref (target), g_object_unref);
  if (self->loading || self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The project is still being loaded or saved."));
      return;
    }
  _cb_document_set_saving (self, TRUE);
  cb_project_save_to_file_async (self->project, target, flags, cancellable,
                                 on_project_saved, g_steal_pointer (&task));
}

gboolean
cb_document_save_finish (CbDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (CB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cb_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
