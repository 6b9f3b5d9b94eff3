/* cb-form.h: a schema-driven editor for any record
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coursebridge-core.h"

G_BEGIN_DECLS

#define CB_TYPE_FORM (cb_form_get_type ())
G_DECLARE_FINAL_TYPE (CbForm, cb_form, CB, FORM, AdwBin)

GtkWidget          *cb_form_new                (void);
void                cb_form_set_entity         (CbForm             *self,
                                                CbEntity           *entity);
CbEntity           *cb_form_get_entity         (CbForm             *self);
void                cb_form_set_hidden_fields  (CbForm             *self,
                                                const char * const *fields);
const char * const *cb_form_get_hidden_fields  (CbForm             *self);
gboolean            cb_form_focus_field        (CbForm             *self,
                                                const char         *field);
GtkWidget          *cb_form_get_row_for_field  (CbForm             *self,
                                                const char         *field);

G_END_DECLS
