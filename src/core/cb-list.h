/* cb-list.h: the list model of a record's nested records
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CB_TYPE_LIST (cb_list_get_type ())
G_DECLARE_FINAL_TYPE (CbList, cb_list, CB, LIST, GObject)

CbList   *_cb_list_new       (GType      item_type);
guint     _cb_list_get_n     (CbList    *self);
gpointer  _cb_list_peek      (CbList    *self,
                              guint      position);
int       _cb_list_find      (CbList    *self,
                              gpointer   item);
void      _cb_list_splice    (CbList    *self,
                              guint      position,
                              guint      n_removals,
                              gpointer  *additions,
                              guint      n_additions);

G_END_DECLS
