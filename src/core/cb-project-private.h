/* cb-project-private.h: the document's internals shared inside the core
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-project.h"
#include "cb-entity-private.h"

G_BEGIN_DECLS

typedef enum {
  CB_COMMAND_SET,
  CB_COMMAND_INSERT,
  CB_COMMAND_REMOVE,
  CB_COMMAND_MOVE,
} CbCommandType;

typedef struct {
  CbCommandType type;
  CbEntity *entity;     /* the record changed (owned reference, except for the
                         * project itself, which owns its undo stack) */
  guint field;          /* index of the member in the record's kind */
  CbSlot old_value;     /* SET */
  CbSlot new_value;     /* SET */
  CbExtra *old_extra;   /* SET: a wrongly typed member the new value replaced */
  guint old_extra_position;
  CbEntity *child;      /* INSERT, REMOVE (owned reference) */
  guint position;       /* INSERT, REMOVE, MOVE (from) */
  guint to;             /* MOVE */
  gboolean was_present; /* INSERT: whether the list was in the file before */
} CbCommand;

CbCommand *_cb_command_new          (CbCommandType  type,
                                     CbEntity      *entity,
                                     guint          field);
void       _cb_command_free         (CbCommand     *command);
void       _cb_command_undo         (CbCommand     *command);
void       _cb_command_redo         (CbCommand     *command);

/* Takes ownership of @command, which has already been applied. */
void       _cb_project_record       (CbProject     *self,
                                     CbCommand     *command);
GHashTable *_cb_project_get_index   (CbProject     *self);
void       _cb_project_register     (CbProject     *self,
                                     CbEntity      *entity);
void       _cb_project_unregister   (CbProject     *self,
                                     CbEntity      *entity);
void       _cb_project_id_changed   (CbProject     *self,
                                     CbEntity      *entity,
                                     const char    *old_id);
guint      _cb_project_get_serial   (CbProject     *self);
void       _cb_project_mark_saved   (CbProject     *self,
                                     guint          serial);
void       _cb_project_set_dirty    (CbProject     *self);
void       _cb_project_set_read_only (CbProject    *self,
                                      gboolean      read_only);
void       _cb_project_set_file_state (CbProject   *self,
                                       GFile       *file,
                                       const char  *content_hash);
const char *_cb_project_get_content_hash (CbProject *self);
gboolean   _cb_file_hash            (GFile         *file,
                                     GCancellable  *cancellable,
                                     char         **hash,
                                     GError       **error);

/* Test hook: wraps the stream a save writes the temporary file through,
 * so that tests can make the write fail as a full disk would. */
typedef GOutputStream *(*CbSaveStreamWrapper) (GOutputStream *stream,
                                               gpointer       user_data);
void       _cb_project_set_save_stream_wrapper (CbSaveStreamWrapper wrapper,
                                                gpointer            user_data);

/* Migrations from older format versions, applied to the loaded model
 * (members an older version had and this one renamed are found among the
 * unknown members). */
gboolean   _cb_project_migrate      (CbProject     *project,
                                     gint64         from_version,
                                     GError       **error);

G_END_DECLS
