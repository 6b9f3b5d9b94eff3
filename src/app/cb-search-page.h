/* cb-search-page.h: what a search of the whole project found
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coursebridge-core.h"

G_BEGIN_DECLS

#define CB_TYPE_SEARCH_PAGE (cb_search_page_get_type ())
G_DECLARE_FINAL_TYPE (CbSearchPage, cb_search_page, CB, SEARCH_PAGE, AdwBin)

GtkWidget *cb_search_page_new            (void);
void       cb_search_page_set_project    (CbSearchPage *self,
                                          CbProject    *project);
void       cb_search_page_set_query      (CbSearchPage *self,
                                          const char   *query);
guint      cb_search_page_get_n_results  (CbSearchPage *self);
void       cb_search_page_activate_first (CbSearchPage *self);

G_END_DECLS
