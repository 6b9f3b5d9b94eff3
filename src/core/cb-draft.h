/* cb-draft.h: unsaved changes kept on disk for recovery after a crash
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A draft left by a document that was never saved or discarded: a crash,
 * or a session that ended with unsaved changes. */
#define CB_TYPE_DRAFT (cb_draft_get_type ())
G_DECLARE_FINAL_TYPE (CbDraft, cb_draft, CB, DRAFT, GObject)

const char *cb_draft_get_id                 (CbDraft       *self);
const char *cb_draft_get_title              (CbDraft       *self);
GFile      *cb_draft_get_file               (CbDraft       *self);
GDateTime  *cb_draft_get_saved              (CbDraft       *self);
const char *cb_draft_get_path               (CbDraft       *self);
void        cb_draft_delete                 (CbDraft       *self);

G_END_DECLS
