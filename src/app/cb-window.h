/* cb-window.h: a window showing one project
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coursebridge-core.h"
#include "cb-document.h"

G_BEGIN_DECLS

#define CB_TYPE_WINDOW (cb_window_get_type ())
G_DECLARE_FINAL_TYPE (CbWindow, cb_window, CB, WINDOW, AdwApplicationWindow)

CbWindow   *cb_window_new           (GtkApplication *application);
void        cb_window_open          (CbWindow       *self,
                                     GFile          *file);
void        cb_window_new_project   (CbWindow       *self);
void        cb_window_restore_draft (CbWindow       *self,
                                     CbDraft        *draft);
void        cb_window_show_entity   (CbWindow       *self,
                                     CbEntity       *entity,
                                     const char     *field);
GFile      *cb_window_get_file      (CbWindow       *self);
CbProject  *cb_window_get_project   (CbWindow       *self);
CbDocument *cb_window_get_document  (CbWindow       *self);
gboolean    cb_window_get_loading   (CbWindow       *self);
gboolean    cb_window_is_empty      (CbWindow       *self);

void        cb_window_add_recent    (GFile          *file);

/* What the window shows, for tests and the screenshot tool. */
const char *cb_window_get_visible_page         (CbWindow   *self);
GtkWidget  *cb_window_get_page                 (CbWindow   *self,
                                                const char *name);
const char *cb_window_get_status_text          (CbWindow   *self);
gboolean    cb_window_get_changed_on_disk_shown (CbWindow  *self);
guint       cb_window_get_draft_count          (CbWindow   *self);

G_END_DECLS
