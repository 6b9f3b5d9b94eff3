/* cb-document-watch.c: noticing when another program changes a document's file
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is watched with a file monitor; a burst of events leads to one
 * check, which compares the file with the content the project was read
 * from or saved (cb_project_check_file_changed()).
 */

#define G_LOG_DOMAIN "cb-document"

#include "config.h"

#include "cb-document-private.h"

/* Other programs save in bursts (write, rename, change attributes): one
 * check once they are quiet for this long. */
#define CHECK_DELAY_MS 100

void
_cb_document_check_now (CbDocument *self)
{
  g_autoptr (GError) error = NULL;
  gboolean changed = FALSE;

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->project == NULL || self->file == NULL)
    return;
  /* Our own writes and reads are under way: look once they are done. */
  if (self->loading || self->saving)
    {
      self->check_pending = TRUE;
      return;
    }
  self->check_pending = FALSE;

  if (!cb_project_check_file_changed (self->project, &changed, &error))
    {
      g_debug ("Could not check the file for changes: %s", error->message);
      return;
    }
  if (!changed)
    _cb_document_set_file_state (self, CB_FILE_STATE_OK, FALSE);
  else if (g_file_query_exists (self->file, NULL))
    _cb_document_set_file_state (self, CB_FILE_STATE_CHANGED, TRUE);
  else
    _cb_document_set_file_state (self, CB_FILE_STATE_DELETED, TRUE);
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

