/* cb-problems-page.h: the validator's findings, live
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coursebridge-core.h"

G_BEGIN_DECLS

#define CB_TYPE_PROBLEMS_PAGE (cb_problems_page_get_type ())
G_DECLARE_FINAL_TYPE (CbProblemsPage, cb_problems_page, CB, PROBLEMS_PAGE, AdwBin)

GtkWidget *cb_problems_page_new          (void);
void       cb_problems_page_set_problems (CbProblemsPage *self,
                                          GListModel     *problems);

G_END_DECLS
