/* cb-document-watch.c: noticing when another program changes a document's file
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is watched with a file monitor; a burst of events leads to one
 * check, which compares the file with the content the project was read
 * from or saved, by a hash computed in a worker thread.
 */

#define G_LOG_DOMAIN "cb-document"

#include "config.h"

#include "cb-document-private.h"
#include "cb-project-private.h"

/* Other programs save in bursts (write, rename, change attributes): one
 * check once they are quiet for this long. */
#define CHECK_DELAY_MS 100

/* What a check found, in the worker: whether the file is there and the
 * SHA-256 of its content. Hashing a large project takes a while, so the
 * window never waits for it. */
typedef struct
{
  GFile *file;
  char *hash;        /* out: NULL when the file is gone */
  gboolean readable; /* out */
} Check;

static void
check_free (Check *check)
{
  g_clear_object (&check->file);
  g_free (check->hash);
  g_free (check);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *check = task_data;

  check->readable = _cb_file_hash (check->file, cancellable, &check->hash, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
on_check_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr (CbDocument) self = g_weak_ref_get (ref);
  GTask *task = G_TASK (result);
  Check *check = g_task_get_task_data (task);
  const char *expected;

  weak_ref_free (ref);
  /* Cancelled, or the document went away: the check does not hold it. */
  if (!g_task_propagate_boolean (task, NULL) || self == NULL)
    return;
  self->checking = FALSE;

  /* Our own load or save ran meanwhile, or the file or project changed:
   * what was read may be stale, so look again. */
  if (self->loading || self->saving || self->project == NULL || self->file == NULL ||
      !g_file_equal (self->file, check->file))
    {
      if (self->check_pending && !self->loading && !self->saving)
        _cb_document_check_now (self);
      return;
    }
  if (self->check_pending)
    {
      _cb_document_check_now (self);
      return;
    }

  /* A file that cannot be read now tells nothing: leave the state. */
  if (!check->readable)
    return;
  expected = _cb_project_get_content_hash (self->project);
  if (expected == NULL || g_strcmp0 (check->hash, expected) == 0)
    _cb_document_set_file_state (self, CB_FILE_STATE_OK, FALSE);
  else if (check->hash != NULL)
    _cb_document_set_file_state (self, CB_FILE_STATE_CHANGED, TRUE);
  else
    _cb_document_set_file_state (self, CB_FILE_STATE_DELETED, TRUE);
}

void
_cb_document_check_now (CbDocument *self)
{
  g_autoptr (GTask) task = NULL;
  GWeakRef *ref;
  Check *check;

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->project == NULL || self->file == NULL)
    return;
  /* Our own writes and reads, or a check, are under way: look once they
   * are done. */
  if (self->loading || self->saving || self->checking)
    {
      self->check_pending = TRUE;
      return;
    }
  self->check_pending = FALSE;
  self->checking = TRUE;

  if (self->check_cancellable == NULL)
    self->check_cancellable = g_cancellable_new ();
  check = g_new0 (Check, 1);
  check->file = g_object_ref (self->file);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, self->check_cancellable, on_check_done, ref);
  g_task_set_source_tag (task, _cb_document_check_now);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
on_check_timeout (gpointer user_data)
{
  CbDocument *self = user_data;

  self->check_source = 0;
  _cb_document_check_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  CbDocument *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      /* Restarted on each event, so that a delete followed by a create
       * (how some programs save) is one change, not a deletion. */
      g_clear_handle_id (&self->check_source, g_source_remove);
      self->check_source = g_timeout_add (CHECK_DELAY_MS, on_check_timeout, self);
      g_source_set_name_by_id (self->check_source, "[coursebridge] check file");
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

void
_cb_document_stop_monitor (CbDocument *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  /* A check in flight answers about a file no longer watched. */
  if (self->check_cancellable != NULL)
    {
      g_cancellable_cancel (self->check_cancellable);
      g_clear_object (&self->check_cancellable);
    }
  self->checking = FALSE;
  if (self->monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

void
_cb_document_start_monitor (CbDocument *self)
{
  g_autoptr (GError) error = NULL;

  _cb_document_stop_monitor (self);
  if (self->file == NULL)
    return;
  /* Moves are reported as such, so that a temporary file renamed over
   * ours (how most editors save) is seen as the change it is. */
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch the file for changes: %s", error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self, 0);
}

/**
 * cb_document_check_file:
 *
 * Compares the file on disk with what was read or saved, now, rather than
 * waiting for the file monitor (call it when the window gets the focus:
 * some file systems report no changes). Emits
 * #CbDocument::externally-changed when the file state becomes
 * %CB_FILE_STATE_CHANGED or %CB_FILE_STATE_DELETED.
 */
void
cb_document_check_file (CbDocument *self)
{
  g_return_if_fail (CB_IS_DOCUMENT (self));
  _cb_document_check_now (self);
}

