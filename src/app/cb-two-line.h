/* cb-two-line.h: the rows of the app's lists: a name and a dim line under it
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *cb_two_line_new (void);
void       cb_two_line_set (GtkWidget  *row,
                            const char *title,
                            const char *subtitle);

G_END_DECLS
