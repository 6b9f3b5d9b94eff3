/* cb-form-refs.c: CbForm's editors for references
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reference is chosen from "None", the records it may name (a
 * CbRefCandidates shared by every editor of the page with the same
 * candidates, and virtualised: no widget per candidate), and, when the id
 * names no record, that missing id, kept until the user picks another.
 * As a row it is an AdwComboRow; inline in a mapping row, a GtkDropDown
 * with search.
 */
#define G_LOG_DOMAIN "cb-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cb-form-private.h"

/* Labels in drop-downs: one ellipsized line on the button, wrapped lines
 * in the list, so that a long indicator never widens the form. */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  gpointer object = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (CB_IS_REF_ITEM (object))
    text = cb_ref_item_dup_label (object);
  else if (GTK_IS_STRING_OBJECT (object))
    text = g_strdup (gtk_string_object_get_string (object));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static GtkListItemFactory *
label_factory (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  return factory;
}

/* References: "None", a missing record if the id names none, then the
 * candidates (shared, virtualised: no widget per candidate). */

typedef struct
{
  CbRefCandidates *candidates;
  GListStore *head;    /* "None", then the missing id if any */
  GListModel *model;   /* head + candidates */
} RefData;

static void
ref_data_free (gpointer data)
{
  RefData *ref_data = data;

  g_object_unref (ref_data->model);
  g_object_unref (ref_data->head);
  g_object_unref (ref_data->candidates);
  g_free (ref_data);
}

static RefData *
ref_data_new (CbRefCandidates *candidates)
{
  RefData *data = g_new0 (RefData, 1);
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (CbRefItem) none = cb_ref_item_new_none ();

  data->candidates = g_object_ref (candidates);
  data->head = g_list_store_new (CB_TYPE_REF_ITEM);
  g_list_store_append (data->head, none);
  g_list_store_append (models, data->head);
  g_list_store_append (models, candidates);
  data->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models)));
  return data;
}

static void
sync_ref (CbFormField *field)
{
  RefData *data = field->data;
  const char *id = cb_entity_get_string (field->entity, field->def->name);
  guint n_head = g_list_model_get_n_items (G_LIST_MODEL (data->head));
  int found = cb_ref_candidates_find (data->candidates, id);
  guint position = 0;

  _cb_form_field_freeze (field);
  if (id != NULL && found < 0)
    {
      g_autoptr (CbRefItem) shown = NULL;

      if (n_head > 1)
        shown = g_list_model_get_item (G_LIST_MODEL (data->head), 1);

      if (shown == NULL || g_strcmp0 (cb_ref_item_get_id (shown), id) != 0)
        {
          g_autoptr (CbRefItem) missing = cb_ref_item_new_missing (id);

          g_list_store_splice (data->head, 1, n_head - 1, (gpointer *) &missing, 1);
        }
      position = 1;
    }
  else
    {
      if (n_head > 1)
        g_list_store_remove (data->head, 1);
      if (found >= 0)
        position = 1 + (guint) found;
    }
  _cb_form_set_selected (field->control, position);
  _cb_form_field_thaw (field);

  /* A drop-down's button has room for the start of a label only. */
  if (GTK_IS_DROP_DOWN (field->control))
    {
      CbRefItem *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (field->control));
      g_autofree char *label = item != NULL && position > 0 ? cb_ref_item_dup_label (item) : NULL;

      gtk_widget_set_tooltip_text (field->control,
                                   label != NULL ? label : _cb_form_field_get_label (field));
    }
}

static void
on_ref_notify (CbEntity    *entity,
               GParamSpec  *pspec,
               CbFormField *field)
{
  sync_ref (field);
}

static void
on_candidates_changed (GListModel  *candidates,
                       guint        position,
                       guint        removed,
                       guint        added,
                       CbFormField *field)
{
  sync_ref (field);
}

static void
on_ref_selected (GtkWidget   *control,
                 GParamSpec  *pspec,
                 CbFormField *field)
{
  RefData *data = field->data;
  guint position = _cb_form_get_selected (control);
  g_autoptr (CbRefItem) item = NULL;

  /* A change of the candidates (a record added elsewhere) moves the
   * selection: that is not the user's choice. */
  if (cb_ref_candidates_is_updating (data->candidates) || position == GTK_INVALID_LIST_POSITION)
    return;
  item = g_list_model_get_item (data->model, position);
  if (item == NULL || cb_ref_item_is_missing (item))
    return;
  cb_entity_set_string (field->entity, field->def->name, cb_ref_item_get_id (item));
}

static void
bind_ref (CbForm           *form,
          CbEntity         *entity,
          const CbFieldDef *def,
          GtkWidget        *control,
          RefData          *data)
{
  CbFormField *field = _cb_form_field_new (form, entity, def, control);

  field->control = control;
  field->data = data;
  field->data_free = ref_data_free;
  sync_ref (field);
  _cb_form_field_connect (field, control, "notify::selected", G_CALLBACK (on_ref_selected), TRUE);
  _cb_form_field_connect_notify (field, G_CALLBACK (on_ref_notify));
  /* After the views of the model, which move the selection first. */
  _cb_form_field_connect (field, data->candidates, "items-changed",
                          G_CALLBACK (on_candidates_changed), FALSE);
  gtk_widget_set_sensitive (control, !_cb_form_is_read_only (form));
}

/* Long lists of candidates (a project's 8,000 skills): a button showing
 * the choice, with a search popover made only when first opened. A
 * drop-down over such a list costs tens of milliseconds each, and a
 * module has a dozen of them. */

#define LARGE_CANDIDATES 60

typedef struct
{
  CbRefCandidates *candidates;
  GtkWidget *label;       /* unowned: on the button */
  GtkWidget *clear;       /* unowned: NULL for the key of a mapping */
} PickData;

static void
pick_data_free (gpointer data)
{
  PickData *pick = data;

  g_object_unref (pick->candidates);
  g_free (pick);
}

static void
sync_pick (CbFormField *field)
{
  PickData *data = field->data;
  const char *id = cb_entity_get_string (field->entity, field->def->name);
  int found = cb_ref_candidates_find (data->candidates, id);
  g_autofree char *text = NULL;

  if (id == NULL)
    text = g_strdup (_("None"));
  else if (found < 0)
    {
      g_autoptr (CbRefItem) missing = cb_ref_item_new_missing (id);

      text = cb_ref_item_dup_label (missing);
    }
  else
    {
      g_autoptr (CbRefItem) item = g_list_model_get_item (G_LIST_MODEL (data->candidates), (guint) found);

      text = cb_ref_item_dup_label (item);
    }
  gtk_label_set_text (GTK_LABEL (data->label), text);
  gtk_widget_set_tooltip_text (field->control, text);
  if (data->clear != NULL)
    gtk_widget_set_visible (data->clear, id != NULL && !_cb_form_is_read_only (field->form));
}

static void
on_pick_notify (CbEntity    *entity,
                GParamSpec  *pspec,
                CbFormField *field)
{
  sync_pick (field);
}

static void
on_pick_candidates_changed (GListModel  *candidates,
                            guint        position,
                            guint        removed,
                            guint        added,
                            CbFormField *field)
{
  sync_pick (field);
}

static void
on_pick_picked (CbRefPicker *picker,
                CbRefItem   *item,
                CbFormField *field)
{
  if (cb_ref_item_get_id (item) != NULL)
    cb_entity_set_string (field->entity, field->def->name, cb_ref_item_get_id (item));
}

static void
on_pick_clear (GtkButton   *button,
               CbFormField *field)
{
  cb_entity_set_string (field->entity, field->def->name, NULL);
}

static void
create_picker (GtkMenuButton *button,
               gpointer       user_data)
{
  CbFormField *field = user_data;
  PickData *data = field->data;
  GtkWidget *picker;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  picker = cb_ref_picker_new (G_LIST_MODEL (data->candidates));
  gtk_menu_button_set_popover (button, picker);
  _cb_form_field_connect (field, picker, "picked", G_CALLBACK (on_pick_picked), TRUE);
}

static GtkWidget *
build_pick_button (CbForm           *form,
                   CbEntity         *entity,
                   const CbFieldDef *def,
                   CbRefCandidates  *candidates,
                   gboolean          clearable,
                   GtkWidget       **clear_out)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *clear = NULL;
  PickData *data = g_new0 (PickData, 1);
  CbFormField *field;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), box);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  _cb_form_set_accessible_label (button, cb_field_get_label (cb_entity_get_kind (entity), def->name));
  if (clearable)
    {
      clear = _cb_form_icon_button ("edit-clear-symbolic", _("Clear"),
                                    cb_field_get_label (cb_entity_get_kind (entity), def->name));
      gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
    }

  data->candidates = g_object_ref (candidates);
  data->label = label;
  data->clear = clear;
  field = _cb_form_field_new (form, entity, def, button);
  field->control = button;
  field->data = data;
  field->data_free = pick_data_free;
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_picker, field, NULL);
  sync_pick (field);
  _cb_form_field_connect_notify (field, G_CALLBACK (on_pick_notify));
  _cb_form_field_connect (field, candidates, "items-changed", G_CALLBACK (on_pick_candidates_changed), FALSE);
  if (clear != NULL)
    _cb_form_field_connect (field, clear, "clicked", G_CALLBACK (on_pick_clear), TRUE);
  gtk_widget_set_sensitive (button, !_cb_form_is_read_only (form));
  if (clear_out)
    *clear_out = clear;
  return button;
}

/**
 * _cb_form_build_ref_row:
 *
 * Returns: (transfer floating): a combo row for a reference
 */
GtkWidget *
_cb_form_build_ref_row (CbForm           *form,
               CbEntity         *entity,
               const CbFieldDef *def)
{
  CbRefCandidates *candidates = _cb_form_get_candidates (form, entity, def);
  GtkWidget *row;
  RefData *data;

  if (g_list_model_get_n_items (G_LIST_MODEL (candidates)) > LARGE_CANDIDATES)
    {
      GtkWidget *clear = NULL;
      GtkWidget *button = build_pick_button (form, entity, def, candidates, !def->is_key, &clear);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     cb_field_get_label (cb_entity_get_kind (entity), def->name));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (clear != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      _cb_form_tag (row, NULL, button);
      return row;
    }

  row = adw_combo_row_new ();
  data = ref_data_new (candidates);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 cb_field_get_label (cb_entity_get_kind (entity), def->name));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row),
                                gtk_property_expression_new (CB_TYPE_REF_ITEM, NULL, "label"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), data->model);
  bind_ref (form, entity, def, row, data);
  _cb_form_tag (row, NULL, row);
  return row;
}

/**
 * _cb_form_build_ref_control:
 *
 * Returns: (transfer floating): a drop-down with search for a reference
 */
GtkWidget *
_cb_form_build_ref_control (CbForm           *self,
                            CbEntity         *entity,
                            const CbFieldDef *def)
{
  CbRefCandidates *candidates = _cb_form_get_candidates (self, entity, def);
  g_autoptr (GtkListItemFactory) button_factory = NULL;
  g_autoptr (GtkListItemFactory) list_factory = NULL;
  GtkWidget *control;
  RefData *data;

  if (g_list_model_get_n_items (G_LIST_MODEL (candidates)) > LARGE_CANDIDATES)
    return build_pick_button (self, entity, def, candidates, FALSE, NULL);

  data = ref_data_new (candidates);
  button_factory = label_factory (FALSE);
  list_factory = label_factory (TRUE);

  control = gtk_drop_down_new (g_object_ref (data->model),
                               gtk_property_expression_new (CB_TYPE_REF_ITEM, NULL, "label"));
  gtk_drop_down_set_factory (GTK_DROP_DOWN (control), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (control), list_factory);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (control), TRUE);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  _cb_form_style_inline_drop_down (control);
  bind_ref (self, entity, def, control, data);
  return control;
}
