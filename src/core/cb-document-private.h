/* cb-document-private.h: what the document's files share
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-document.h"

G_BEGIN_DECLS

/* Draft files (cb-draft.c) */

/* Shared between a document and its draft writes, which may outlive it. */
typedef struct _CbDraftLock CbDraftLock;

CbDraftLock *_cb_draft_lock_new         (void);
void        _cb_draft_lock_unref        (CbDraftLock   *lock);

/* The drafts of documents open in this process are theirs, not leftovers
 * of a crash: cb_document_list_drafts() does not offer them. */
gboolean    _cb_draft_live_add          (const char    *id);
void        _cb_draft_live_remove       (const char    *id);
gboolean    _cb_draft_live_contains     (const char    *id);

/* Writes the draft @id of @project in a worker thread, with a description
 * naming @file and @title. A write asked for later, or a removal, makes
 * it stale: it then writes nothing. */
void        _cb_draft_write             (CbDraftLock   *lock,
                                         const char    *id,
                                         CbProject     *project,
                                         GFile         *file,
                                         const char    *title);
/* Removes the draft @id, after any write of it that is running. */
void        _cb_draft_remove            (CbDraftLock   *lock,
                                         const char    *id);
const char *_cb_draft_get_content_hash  (CbDraft       *self);

/* The document (cb-document*.c) */

struct _CbDocument
{
  GObject parent_instance;

  CbProject *project;
  GFile *file;
  GFileMonitor *monitor;
  GListStore *problems;   /* of CbProblem */
  char *title;
  char *notice;

  char *draft_id;
  CbDraftLock *draft_lock;

  CbFileState file_state;
  guint n_errors;
  guint n_warnings;
  guint validation_delay;
  guint autosave_delay;

  guint validate_source;
  guint autosave_source;
  guint check_source;

  guint dirty : 1;
  guint read_only : 1;
  guint loading : 1;
  guint saving : 1;
  guint autosave : 1;
  guint check_pending : 1;    /* a check was asked for while loading, saving or checking */
  guint checking : 1;         /* a check reads and hashes the file in a worker */
  GCancellable *check_cancellable;
  guint draft_may_exist : 1;
};

/* cb-document.c owns the properties and signals: the other files change
 * what they show through these, which notify. */
void        _cb_document_set_loading    (CbDocument    *self,
                                         gboolean       loading);
void        _cb_document_set_saving     (CbDocument    *self,
                                         gboolean       saving);
void        _cb_document_set_notice     (CbDocument    *self,
                                         const char    *notice);
/* With @emit, a change to another state than %CB_FILE_STATE_OK emits
 * #CbDocument::externally-changed. */
void        _cb_document_set_file_state (CbDocument    *self,
                                         CbFileState    state,
                                         gboolean       emit);
void        _cb_document_set_file       (CbDocument    *self,
                                         GFile         *file);
void        _cb_document_set_project    (CbDocument    *self,
                                         CbProject     *project);
/* After a validation: notifies the counts of its findings, then emits
 * #CbDocument::problems-changed. */
void        _cb_document_problems_changed (CbDocument  *self,
                                           guint        n_errors,
                                           guint        n_warnings);
/* The document's draft: written a moment after each change, removed once
 * the edits are saved, undone or discarded. */
void        _cb_document_remove_draft   (CbDocument    *self);
void        _cb_document_schedule_autosave (CbDocument *self);

/* cb-document-validate.c */
void        _cb_document_validate       (CbDocument    *self);
void        _cb_document_schedule_validation (CbDocument *self);

/* cb-document-watch.c */
void        _cb_document_check_now      (CbDocument    *self);
void        _cb_document_start_monitor  (CbDocument    *self);
void        _cb_document_stop_monitor   (CbDocument    *self);

G_END_DECLS
