/* cb-form-private.h: what the files of CbForm share
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CbForm is split by concern: cb-form.c holds the widget (building the
 * page, hidden members, focus), cb-form-field.c the bindings between
 * widgets and model, cb-form-rows.c one editor per scalar type,
 * cb-form-refs.c the references, cb-form-multi.c the lists of ids and of
 * strings, cb-form-lists.c the groups of nested records and the mapping
 * rows, cb-form-summary.c the summaries and live sums computed from the
 * model.
 */
#pragma once

#include "cb-form.h"
#include "cb-ref-picker.h"

G_BEGIN_DECLS

/* Keys of the data set on the form's widgets. */
#define CB_FORM_PATH_KEY   "cb-form-path"   /* a row or group: the member path it edits */
#define CB_FORM_FOCUS_KEY  "cb-form-focus"  /* a row: the widget that takes the focus */
#define CB_FORM_MEMBER_KEY "cb-form-member" /* a control inside a mapping row: its member */

/**
 * CbFormField:
 *
 * The binding between one member of one record and the widgets that show
 * it. It lives exactly as long as its owner widget (it is freed when the
 * owner is disposed) and drops every signal connection it made, so no
 * callback ever reaches a widget that is gone.
 *
 * Handlers on the editing widgets are "control" handlers: they are blocked
 * while the model's value is written into the widgets (model → widget),
 * so that doing so is never taken for an edit.
 */
typedef struct _CbFormField CbFormField;
struct _CbFormField
{
  CbForm *form;             /* unowned: the form outlives the widgets it built */
  CbEntity *entity;         /* owned */
  const CbFieldDef *def;    /* NULL for bindings to a whole record */
  GtkWidget *owner;         /* unowned: the binding is the owner's */
  GtkWidget *control;       /* unowned: the widget that edits the member, if one */
  GPtrArray *handlers;      /* of CbFormHandler */
  guint frozen;
  gpointer data;            /* per type */
  GDestroyNotify data_free;
};

CbFormField      *_cb_form_field_new            (CbForm            *form,
                                                 CbEntity          *entity,
                                                 const CbFieldDef  *def,
                                                 GtkWidget         *owner);
void              _cb_form_field_connect        (CbFormField       *field,
                                                 gpointer           instance,
                                                 const char        *signal,
                                                 GCallback          callback,
                                                 gboolean           is_control);
void              _cb_form_field_connect_notify (CbFormField       *field,
                                                 GCallback          callback);
void              _cb_form_field_connect_changed (CbFormField      *field,
                                                  GCallback         callback);
void              _cb_form_field_freeze         (CbFormField       *field);
void              _cb_form_field_thaw           (CbFormField       *field);
const char       *_cb_form_field_get_label      (CbFormField       *field);

/* cb-form.c */
CbProject        *_cb_form_get_project          (CbForm            *self);
gboolean          _cb_form_is_read_only         (CbForm            *self);
CbRefCandidates  *_cb_form_get_candidates       (CbForm            *self,
                                                 CbEntity          *owner,
                                                 const CbFieldDef  *def);
void              _cb_form_emit_activate_child  (CbForm            *self,
                                                 CbEntity          *child);
void              _cb_form_show_toast           (CbForm            *self,
                                                 const char        *title,
                                                 gboolean           with_undo);
void              _cb_form_break_coalescing     (CbForm            *self);
void              _cb_form_rebuild              (CbForm            *self,
                                                 const char        *focus_path);
void              _cb_form_scroll_to            (CbForm            *self,
                                                 GtkWidget         *widget);
void              _cb_form_tag                  (GtkWidget         *widget,
                                                 const char        *path,
                                                 GtkWidget         *focus);
GtkWidget        *_cb_form_icon_button          (const char        *icon_name,
                                                 const char        *tooltip,
                                                 const char        *accessible_label);
void              _cb_form_set_accessible_label (GtkWidget         *widget,
                                                 const char        *label);
void              _cb_form_style_inline_drop_down (GtkWidget       *drop_down);
guint             _cb_form_get_selected         (GtkWidget         *control);
void              _cb_form_set_selected         (GtkWidget         *control,
                                                 guint              position);
char             *_cb_form_format_number        (double             value);
gboolean          _cb_form_is_mapping_kind      (CbKind             kind);

/* cb-form-rows.c */
GtkWidget        *_cb_form_build_row            (CbForm            *self,
                                                 CbEntity          *entity,
                                                 const CbFieldDef  *def);
GtkWidget        *_cb_form_build_control        (CbForm            *self,
                                                 CbEntity          *entity,
                                                 const CbFieldDef  *def);

/* cb-form-refs.c */
GtkWidget        *_cb_form_build_ref_row        (CbForm            *self,
                                                 CbEntity          *entity,
                                                 const CbFieldDef  *def);
GtkWidget        *_cb_form_build_ref_control    (CbForm            *self,
                                                 CbEntity          *entity,
                                                 const CbFieldDef  *def);

/* cb-form-multi.c */
GtkWidget        *_cb_form_build_ref_list_row   (CbForm            *self,
                                                 CbEntity          *entity,
                                                 const CbFieldDef  *def);
GtkWidget        *_cb_form_build_string_list_row (CbForm           *self,
                                                  CbEntity         *entity,
                                                  const CbFieldDef *def);

/* cb-form-lists.c */
GtkWidget        *_cb_form_build_list_group     (CbForm            *self,
                                                 CbEntity          *entity,
                                                 const CbFieldDef  *def,
                                                 const char        *path);

/* cb-form-summary.c */
char             *_cb_form_dup_summary          (CbEntity          *entity);
void              _cb_form_attach_sum           (CbForm            *self,
                                                 CbEntity          *entity,
                                                 const CbFieldDef  *def,
                                                 GtkWidget         *group);

G_END_DECLS
