/* cb-window.h: a window showing one project
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coursebridge-core.h"

G_BEGIN_DECLS

#define CB_TYPE_WINDOW (cb_window_get_type ())
G_DECLARE_FINAL_TYPE (CbWindow, cb_window, CB, WINDOW, AdwApplicationWindow)

CbWindow  *cb_window_new         (GtkApplication *application);
void       cb_window_open        (CbWindow       *self,
                                  GFile          *file);
GFile     *cb_window_get_file    (CbWindow       *self);
CbProject *cb_window_get_project (CbWindow       *self);
gboolean   cb_window_get_loading (CbWindow       *self);

G_END_DECLS
