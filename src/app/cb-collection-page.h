/* cb-collection-page.h: a list of records beside the editor of the one chosen
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coursebridge-core.h"

G_BEGIN_DECLS

#define CB_TYPE_COLLECTION_PAGE (cb_collection_page_get_type ())
G_DECLARE_FINAL_TYPE (CbCollectionPage, cb_collection_page, CB, COLLECTION_PAGE, AdwBin)

GtkWidget  *cb_collection_page_new            (const char       *field);
const char *cb_collection_page_get_field      (CbCollectionPage *self);
void        cb_collection_page_set_project    (CbCollectionPage *self,
                                               CbProject        *project);
gboolean    cb_collection_page_show_entity    (CbCollectionPage *self,
                                               CbEntity         *entity,
                                               const char       *field);
CbEntity   *cb_collection_page_get_shown      (CbCollectionPage *self);
void        cb_collection_page_add            (CbCollectionPage *self);
void        cb_collection_page_move           (CbCollectionPage *self,
                                               int               delta);

G_END_DECLS
