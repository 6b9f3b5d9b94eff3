/* cb-ref-picker.h: choosing records that a reference may name
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coursebridge-core.h"

G_BEGIN_DECLS

/* One choice for a reference: a record, "None", or an id that names no
 * record in the project ("missing"). */
#define CB_TYPE_REF_ITEM (cb_ref_item_get_type ())
G_DECLARE_FINAL_TYPE (CbRefItem, cb_ref_item, CB, REF_ITEM, GObject)

CbRefItem       *cb_ref_item_new_for_entity    (CbEntity        *entity);
CbRefItem       *cb_ref_item_new_none          (void);
CbRefItem       *cb_ref_item_new_missing       (const char      *id);
const char      *cb_ref_item_get_id            (CbRefItem       *self);
CbEntity        *cb_ref_item_get_entity        (CbRefItem       *self);
gboolean         cb_ref_item_is_missing        (CbRefItem       *self);
char            *cb_ref_item_dup_label         (CbRefItem       *self);

char            *cb_ref_dup_label              (CbEntity        *entity);

/* The records a reference member may name, as a GListModel of CbRefItem
 * that follows the project's changes. */
#define CB_TYPE_REF_CANDIDATES (cb_ref_candidates_get_type ())
G_DECLARE_FINAL_TYPE (CbRefCandidates, cb_ref_candidates, CB, REF_CANDIDATES, GObject)

CbRefCandidates *cb_ref_candidates_new         (CbEntity         *owner,
                                                const CbFieldDef *def);
char            *cb_ref_candidates_dup_key     (CbEntity         *owner,
                                                const CbFieldDef *def);
int              cb_ref_candidates_find        (CbRefCandidates  *self,
                                                const char       *id);
gboolean         cb_ref_candidates_is_updating (CbRefCandidates  *self);

/* A popover with a search entry over a list of candidates. */
#define CB_TYPE_REF_PICKER (cb_ref_picker_get_type ())
G_DECLARE_FINAL_TYPE (CbRefPicker, cb_ref_picker, CB, REF_PICKER, GtkPopover)

GtkWidget       *cb_ref_picker_new             (GListModel         *candidates);
void             cb_ref_picker_set_excluded    (CbRefPicker        *self,
                                                const char * const *ids);
GListModel      *cb_ref_picker_get_filtered    (CbRefPicker        *self);
void             cb_ref_picker_set_search      (CbRefPicker        *self,
                                                const char         *text);

G_END_DECLS
