/* cb-project.h: a curriculum document
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cb-entity.h"

G_BEGIN_DECLS

#define CB_PROJECT_ERROR (cb_project_error_quark ())

/**
 * CbProjectError:
 * @CB_PROJECT_ERROR_INVALID_JSON: the file is not strict RFC 8259 JSON
 * @CB_PROJECT_ERROR_NOT_A_PROJECT: JSON, but not a Coursebridge project
 * @CB_PROJECT_ERROR_NEWER_VERSION: written by a newer Coursebridge
 * @CB_PROJECT_ERROR_OLD_VERSION: a version this release cannot migrate
 * @CB_PROJECT_ERROR_TOO_LARGE: larger than a project can reasonably be
 * @CB_PROJECT_ERROR_CHANGED_ON_DISK: someone else changed the file since it was read
 * @CB_PROJECT_ERROR_READ_ONLY: the project was opened read-only
 */
typedef enum {
  CB_PROJECT_ERROR_INVALID_JSON,
  CB_PROJECT_ERROR_NOT_A_PROJECT,
  CB_PROJECT_ERROR_NEWER_VERSION,
  CB_PROJECT_ERROR_OLD_VERSION,
  CB_PROJECT_ERROR_TOO_LARGE,
  CB_PROJECT_ERROR_CHANGED_ON_DISK,
  CB_PROJECT_ERROR_READ_ONLY,
} CbProjectError;

GQuark      cb_project_error_quark       (void);
/* Where a CB_PROJECT_ERROR happened in the file; 0 / NULL when unknown. */
guint       cb_project_error_get_line    (const GError *error);
guint       cb_project_error_get_column  (const GError *error);
const char *cb_project_error_get_path    (const GError *error);

/**
 * CbLoadFlags:
 * @CB_LOAD_NONE: refuse files of a newer format version
 * @CB_LOAD_ALLOW_NEWER: open a newer file read-only instead of refusing it
 */
typedef enum {
  CB_LOAD_NONE        = 0,
  CB_LOAD_ALLOW_NEWER = 1 << 0,
} CbLoadFlags;

/**
 * CbSaveFlags:
 * @CB_SAVE_NONE: refuse to overwrite a file changed on disk since it was read
 * @CB_SAVE_OVERWRITE_CHANGED: overwrite it anyway (the user chose "Keep Mine")
 */
typedef enum {
  CB_SAVE_NONE              = 0,
  CB_SAVE_OVERWRITE_CHANGED = 1 << 0,
} CbSaveFlags;

#define CB_TYPE_PROJECT (cb_project_get_type ())
G_DECLARE_FINAL_TYPE (CbProject, cb_project, CB, PROJECT, CbEntity)

CbProject  *cb_project_new                 (void);
CbProject  *cb_project_load_from_data      (const char    *data,
                                            gsize          length,
                                            CbLoadFlags    flags,
                                            GError       **error);
CbProject  *cb_project_load_from_file      (GFile         *file,
                                            CbLoadFlags    flags,
                                            GCancellable  *cancellable,
                                            GError       **error);
void        cb_project_load_from_file_async (GFile              *file,
                                             CbLoadFlags         flags,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
CbProject  *cb_project_load_from_file_finish (GAsyncResult  *result,
                                              GError       **error);

GBytes     *cb_project_serialize           (CbProject     *self);
gboolean    cb_project_save                (CbProject     *self,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean    cb_project_save_to_file        (CbProject     *self,
                                            GFile         *file,
                                            CbSaveFlags    flags,
                                            GCancellable  *cancellable,
                                            GError       **error);
void        cb_project_save_to_file_async  (CbProject          *self,
                                            GFile              *file,
                                            CbSaveFlags         flags,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean    cb_project_save_to_file_finish (CbProject     *self,
                                            GAsyncResult  *result,
                                            GError       **error);
gboolean    cb_project_check_file_changed  (CbProject     *self,
                                            gboolean      *changed,
                                            GError       **error);

GFile      *cb_project_get_file            (CbProject     *self);
gboolean    cb_project_get_dirty           (CbProject     *self);
gboolean    cb_project_get_read_only       (CbProject     *self);
gint64      cb_project_get_file_version    (CbProject     *self);
const char *cb_project_get_title           (CbProject     *self);

/* Lookup of any record with an id. */
CbEntity   *cb_project_lookup              (CbProject     *self,
                                            const char    *id);
GListModel *cb_project_get_list            (CbProject     *self,
                                            const char    *field);

/* Undo and redo. Edits between begin_group() and end_group() are one step. */
void        cb_project_begin_group         (CbProject     *self,
                                            const char    *label);
void        cb_project_end_group           (CbProject     *self);
gboolean    cb_project_can_undo            (CbProject     *self);
gboolean    cb_project_can_redo            (CbProject     *self);
const char *cb_project_get_undo_label      (CbProject     *self);
const char *cb_project_get_redo_label      (CbProject     *self);
gboolean    cb_project_undo                (CbProject     *self);
gboolean    cb_project_redo                (CbProject     *self);
void        cb_project_break_coalescing    (CbProject     *self);
void        cb_project_forget_history      (CbProject     *self);

char       *cb_timestamp_now               (void);

G_END_DECLS
