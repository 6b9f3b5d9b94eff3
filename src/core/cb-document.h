/* cb-document.h: one open project: its file, drafts, watching and validation
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cb-draft.h"
#include "cb-project.h"

G_BEGIN_DECLS

/**
 * CbFileState:
 * @CB_FILE_STATE_OK: the file on disk is the one the project was read from or saved to
 * @CB_FILE_STATE_CHANGED: another program changed the file since
 * @CB_FILE_STATE_DELETED: the file was deleted (or moved away) since
 */
typedef enum {
  CB_FILE_STATE_OK,
  CB_FILE_STATE_CHANGED,
  CB_FILE_STATE_DELETED,
} CbFileState;

#define CB_TYPE_FILE_STATE (cb_file_state_get_type ())
GType cb_file_state_get_type (void);

#define CB_TYPE_DOCUMENT (cb_document_get_type ())
G_DECLARE_FINAL_TYPE (CbDocument, cb_document, CB, DOCUMENT, GObject)

CbDocument *cb_document_new                 (void);
CbDocument *cb_document_new_for_file        (GFile              *file);
CbDocument *cb_document_new_from_draft      (CbDraft            *draft,
                                             GError            **error);

void        cb_document_load_async          (CbDocument         *self,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
gboolean    cb_document_load_finish         (CbDocument         *self,
                                             GAsyncResult       *result,
                                             GError            **error);
void        cb_document_reload_async        (CbDocument         *self,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
gboolean    cb_document_reload_finish       (CbDocument         *self,
                                             GAsyncResult       *result,
                                             GError            **error);
void        cb_document_save_async          (CbDocument         *self,
                                             GFile              *file,
                                             CbSaveFlags         flags,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
gboolean    cb_document_save_finish         (CbDocument         *self,
                                             GAsyncResult       *result,
                                             GError            **error);

void        cb_document_check_file          (CbDocument         *self);
void        cb_document_discard_draft       (CbDocument         *self);

CbProject  *cb_document_get_project         (CbDocument         *self);
GFile      *cb_document_get_file            (CbDocument         *self);
const char *cb_document_get_title           (CbDocument         *self);
const char *cb_document_get_notice          (CbDocument         *self);
gboolean    cb_document_get_dirty           (CbDocument         *self);
gboolean    cb_document_get_read_only       (CbDocument         *self);
gboolean    cb_document_get_loading         (CbDocument         *self);
gboolean    cb_document_get_saving          (CbDocument         *self);
CbFileState cb_document_get_file_state      (CbDocument         *self);
GListModel *cb_document_get_problems        (CbDocument         *self);
guint       cb_document_get_n_errors        (CbDocument         *self);
guint       cb_document_get_n_warnings      (CbDocument         *self);
gboolean    cb_document_get_autosave        (CbDocument         *self);
void        cb_document_set_autosave        (CbDocument         *self,
                                             gboolean            autosave);
guint       cb_document_get_autosave_delay  (CbDocument         *self);
void        cb_document_set_autosave_delay  (CbDocument         *self,
                                             guint               delay_ms);
guint       cb_document_get_validation_delay (CbDocument        *self);
void        cb_document_set_validation_delay (CbDocument        *self,
                                              guint              delay_ms);

GPtrArray  *cb_document_list_drafts         (void);

G_END_DECLS
