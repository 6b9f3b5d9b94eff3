/* cb-form-rows.c: the editors of CbForm for members with one value
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One editor per scalar type of the schema: strings, plain text,
 * enumerations and numbers (references are in cb-form-refs.c). Each
 * exists as a row of a preferences group (_cb_form_build_row()) and as a
 * compact control for the mapping records edited inline in one row
 * (_cb_form_build_control()).
 *
 * Widget → model: every change is a recorded edit of the core. Model →
 * widget: the record's notify::<property>, applied with the control
 * handlers frozen so that it is never taken for an edit, and skipped when
 * the widget shows the value already (so typing keeps its cursor).
 */
#define G_LOG_DOMAIN "cb-form"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cb-form-private.h"

#define WIDE_RANGE 1e9

static const char *
field_label (CbEntity         *entity,
             const CbFieldDef *def)
{
  return cb_field_get_label (cb_entity_get_kind (entity), def->name);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                CbFormField             *field)
{
  /* Typing in one field is one undo step; coming back to it starts another. */
  _cb_form_break_coalescing (field->form);
}

static void
watch_focus_leave (CbFormField *field,
                   GtkWidget   *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_add_controller (widget, focus);
  _cb_form_field_connect (field, focus, "leave", G_CALLBACK (on_focus_leave), FALSE);
}

static void
set_compact_labels (GtkWidget  *control,
                    const char *label,
                    const char *member)
{
  if (gtk_widget_get_tooltip_text (control) == NULL)
    gtk_widget_set_tooltip_text (control, label);
  _cb_form_set_accessible_label (control, label);
  g_object_set_data (G_OBJECT (control), CB_FORM_MEMBER_KEY, (gpointer) member);
}

/* Strings and plain text share how an edit reaches the model.
 *
 * Replacing a selection is a deletion then an insertion, each with its own
 * "changed": a field that is empty for a moment must not remove the member
 * (and make an undo step of that), so emptiness is written once the
 * change is over. */

typedef struct
{
  guint empty_idle;
} StringData;

static void
string_data_free (gpointer data)
{
  StringData *string_data = data;

  g_clear_handle_id (&string_data->empty_idle, g_source_remove);
  g_free (string_data);
}

static char *
dup_control_text (CbFormField *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (field->control))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->control)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->control));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
commit_empty (gpointer user_data)
{
  CbFormField *field = user_data;
  StringData *data = field->data;
  g_autofree char *text = dup_control_text (field);

  data->empty_idle = 0;
  if (*text == '\0')
    cb_entity_set_string (field->entity, field->def->name, NULL);
  return G_SOURCE_REMOVE;
}

static void
commit_text (CbFormField *field)
{
  StringData *data = field->data;
  g_autofree char *text = dup_control_text (field);

  if (*text == '\0')
    {
      if (data->empty_idle == 0)
        data->empty_idle = g_idle_add (commit_empty, field);
      return;
    }
  g_clear_handle_id (&data->empty_idle, g_source_remove);
  cb_entity_set_string (field->entity, field->def->name, text);
}

static void
init_string_data (CbFormField *field)
{
  field->data = g_new0 (StringData, 1);
  field->data_free = string_data_free;
}

/* Strings: AdwEntryRow, or GtkEntry in a mapping row */

static void
on_string_changed (GtkEditable *editable,
                   CbFormField *field)
{
  commit_text (field);
}

static void
sync_string (CbFormField *field)
{
  const char *value = cb_entity_get_string (field->entity, field->def->name);

  if (value == NULL)
    value = "";
  if (strcmp (gtk_editable_get_text (GTK_EDITABLE (field->control)), value) == 0)
    return;
  _cb_form_field_freeze (field);
  gtk_editable_set_text (GTK_EDITABLE (field->control), value);
  _cb_form_field_thaw (field);
}

static void
on_string_notify (CbEntity    *entity,
                  GParamSpec  *pspec,
                  CbFormField *field)
{
  sync_string (field);
}

static void
bind_string (CbForm           *form,
             CbEntity         *entity,
             const CbFieldDef *def,
             GtkWidget        *control)
{
  CbFormField *field = _cb_form_field_new (form, entity, def, control);

  field->control = control;
  init_string_data (field);
  /* Ctrl+Z undoes the project's last step, which covers the typing. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (control), FALSE);
  sync_string (field);
  _cb_form_field_connect (field, control, "changed", G_CALLBACK (on_string_changed), TRUE);
  _cb_form_field_connect_notify (field, G_CALLBACK (on_string_notify));
  watch_focus_leave (field, control);
  gtk_widget_set_sensitive (control, !_cb_form_is_read_only (form));
}

static GtkWidget *
build_string_row (CbForm           *form,
                  CbEntity         *entity,
                  const CbFieldDef *def)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_label (entity, def));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (strcmp (def->name, "email") == 0)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
  else if (strcmp (def->name, "url") == 0 || strcmp (def->name, "uri") == 0)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_URL);
  bind_string (form, entity, def, row);
  _cb_form_tag (row, NULL, row);
  return row;
}

/* Plain text: a multi-line GtkTextView in a row */

static void
on_text_changed (GtkTextBuffer *buffer,
                 CbFormField   *field)
{
  commit_text (field);
}

static void
sync_text (CbFormField *field)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->control));
  const char *value = cb_entity_get_string (field->entity, field->def->name);
  g_autofree char *text = dup_control_text (field);

  if (value == NULL)
    value = "";
  if (strcmp (text, value) == 0)
    return;
  _cb_form_field_freeze (field);
  gtk_text_buffer_set_text (buffer, value, -1);
  _cb_form_field_thaw (field);
}

static void
on_text_notify (CbEntity    *entity,
                GParamSpec  *pspec,
                CbFormField *field)
{
  sync_text (field);
}

static GtkWidget *
build_text_row (CbForm           *form,
                CbEntity         *entity,
                const CbFieldDef *def)
{
  const char *label = field_label (entity, def);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  PangoLayout *layout;
  CbFormField *field;
  int line_height;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The text view takes the focus, not the row around it. */
  gtk_widget_set_focusable (row, FALSE);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (box), title);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  /* At least three lines, so that it reads as a place for paragraphs. */
  layout = gtk_widget_create_pango_layout (view, "X\nX\nX");
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  g_object_unref (layout);
  gtk_widget_set_size_request (view, -1, line_height + 16);
  _cb_form_set_accessible_label (view, label);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  field = _cb_form_field_new (form, entity, def, row);
  field->control = view;
  init_string_data (field);
  sync_text (field);
  _cb_form_field_connect (field, buffer, "changed", G_CALLBACK (on_text_changed), TRUE);
  _cb_form_field_connect_notify (field, G_CALLBACK (on_text_notify));
  watch_focus_leave (field, view);
  gtk_widget_set_sensitive (view, !_cb_form_is_read_only (form));
  _cb_form_tag (row, NULL, view);
  return row;
}

/* Enumerations: "Not set", the values of the format, and a value the file
 * holds that is not one of them, shown as it is and kept until changed. */

typedef struct
{
  GtkStringList *strings;  /* unowned: the control's model */
  char *extra;
} EnumData;

static void
enum_data_free (gpointer data)
{
  EnumData *enum_data = data;

  g_free (enum_data->extra);
  g_free (enum_data);
}

static void
sync_enum (CbFormField *field)
{
  EnumData *data = field->data;
  const char * const *values = field->def->values;
  guint n_values = g_strv_length ((char **) values);
  const char *value = cb_entity_get_string (field->entity, field->def->name);
  guint position = 0;

  _cb_form_field_freeze (field);
  if (value != NULL)
    {
      for (guint i = 0; i < n_values && position == 0; i++)
        if (strcmp (values[i], value) == 0)
          position = i + 1;
      if (position == 0)
        {
          if (g_strcmp0 (data->extra, value) != 0)
            {
              const char * const additions[] = { value, NULL };

              gtk_string_list_splice (data->strings, n_values + 1, data->extra != NULL ? 1 : 0,
                                      additions);
              g_free (data->extra);
              data->extra = g_strdup (value);
            }
          position = n_values + 1;
        }
    }
  if (position <= n_values && data->extra != NULL)
    {
      gtk_string_list_remove (data->strings, n_values + 1);
      g_clear_pointer (&data->extra, g_free);
    }
  _cb_form_set_selected (field->control, position);
  _cb_form_field_thaw (field);
}

static void
on_enum_notify (CbEntity    *entity,
                GParamSpec  *pspec,
                CbFormField *field)
{
  sync_enum (field);
}

static void
on_enum_selected (GtkWidget   *control,
                  GParamSpec  *pspec,
                  CbFormField *field)
{
  guint position = _cb_form_get_selected (control);
  guint n_values = g_strv_length ((char **) field->def->values);

  if (position == GTK_INVALID_LIST_POSITION || position > n_values)
    return;  /* nothing, or the unknown value, which stays as it is */
  cb_entity_set_string (field->entity, field->def->name,
                        position == 0 ? NULL : field->def->values[position - 1]);
}

static GtkStringList *
enum_strings (const CbFieldDef *def)
{
  GtkStringList *strings = gtk_string_list_new (NULL);

  /* Translators: the choice for an enumeration member that has no value */
  gtk_string_list_append (strings, C_("value", "Not set"));
  for (guint i = 0; def->values[i] != NULL; i++)
    gtk_string_list_append (strings, cb_value_get_label (def->values[i]));
  return strings;
}

static void
bind_enum (CbForm           *form,
           CbEntity         *entity,
           const CbFieldDef *def,
           GtkWidget        *control,
           GtkStringList    *strings)
{
  CbFormField *field = _cb_form_field_new (form, entity, def, control);
  EnumData *data = g_new0 (EnumData, 1);

  data->strings = strings;
  field->control = control;
  field->data = data;
  field->data_free = enum_data_free;
  sync_enum (field);
  _cb_form_field_connect (field, control, "notify::selected", G_CALLBACK (on_enum_selected), TRUE);
  _cb_form_field_connect_notify (field, G_CALLBACK (on_enum_notify));
  gtk_widget_set_sensitive (control, !_cb_form_is_read_only (form));
}

static GtkWidget *
build_enum_row (CbForm           *form,
                CbEntity         *entity,
                const CbFieldDef *def)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) strings = enum_strings (def);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_label (entity, def));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));
  bind_enum (form, entity, def, row, strings);
  _cb_form_tag (row, NULL, row);
  return row;
}

/* Numbers: GtkSpinButton. An absent member shows an empty field; emptying
 * the field removes the member. */

typedef struct
{
  double lower, upper;  /* the range of the format */
  gboolean absent;
} NumberData;

static void
refresh_spin_text (CbFormField *field)
{
  NumberData *data = field->data;
  GtkSpinButton *spin = GTK_SPIN_BUTTON (field->control);
  g_autofree char *text = NULL;

  text = data->absent ? g_strdup ("") : _cb_form_format_number (gtk_spin_button_get_value (spin));
  if (strcmp (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
}

static void
store_number (CbFormField *field,
              double       value)
{
  if (field->def->type == CB_FIELD_INT)
    cb_entity_set_int (field->entity, field->def->name, (gint64) llround (value));
  else
    /* Steps of 0.05 add up to 0.15000000000000002; the format wants 0.15. */
    cb_entity_set_number (field->entity, field->def->name, round (value * 100) / 100);
}

static void
sync_number (CbFormField *field)
{
  NumberData *data = field->data;
  GtkSpinButton *spin = GTK_SPIN_BUTTON (field->control);
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  const char *name = field->def->name;
  gboolean present = cb_entity_has_field (field->entity, name);
  double value;

  if (!present)
    value = CLAMP (0.0, data->lower, data->upper);
  else if (field->def->type == CB_FIELD_INT)
    value = (double) cb_entity_get_int (field->entity, name);
  else
    value = cb_entity_get_number (field->entity, name);

  _cb_form_field_freeze (field);
  data->absent = !present;
  /* A value out of range is shown as it is; the validator reports it. */
  gtk_adjustment_set_lower (adjustment, MIN (data->lower, value));
  gtk_adjustment_set_upper (adjustment, MAX (data->upper, value));
  if (gtk_spin_button_get_value (spin) != value)
    gtk_spin_button_set_value (spin, value);
  _cb_form_field_thaw (field);
  refresh_spin_text (field);
}

static void
on_number_notify (CbEntity    *entity,
                  GParamSpec  *pspec,
                  CbFormField *field)
{
  sync_number (field);
}

static void
on_spin_value_changed (GtkSpinButton *spin,
                       CbFormField   *field)
{
  NumberData *data = field->data;

  data->absent = FALSE;
  store_number (field, gtk_spin_button_get_value (spin));
  refresh_spin_text (field);
}

static gboolean
on_spin_output (GtkSpinButton *spin,
                CbFormField   *field)
{
  refresh_spin_text (field);
  return TRUE;
}

static int
on_spin_input (GtkSpinButton *spin,
               double        *new_value,
               CbFormField   *field)
{
  NumberData *data = field->data;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  char *end;
  double value;

  if (*text == '\0')
    {
      if (!data->absent)
        cb_entity_unset (field->entity, field->def->name);
      /* Read after the unset, which moved the spin button to its placeholder. */
      *new_value = gtk_spin_button_get_value (spin);
      return TRUE;
    }
  value = g_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return GTK_INPUT_ERROR;
  /* Typing the placeholder's own value changes nothing in the spin
   * button, so set the member here. */
  if (data->absent && value == gtk_spin_button_get_value (spin))
    {
      data->absent = FALSE;
      store_number (field, value);
    }
  *new_value = value;
  return TRUE;
}

static GtkWidget *
create_spin (CbForm           *form,
             CbEntity         *entity,
             const CbFieldDef *def,
             GtkWidget        *owner)
{
  NumberData *data = g_new0 (NumberData, 1);
  double step = 1;
  guint digits = def->type == CB_FIELD_INT ? 0 : 2;
  GtkAdjustment *adjustment;
  GtkWidget *spin;
  CbFormField *field;

  if (def->min <= def->max)
    {
      data->lower = def->min;
      data->upper = def->max;
    }
  else
    {
      data->lower = -WIDE_RANGE;
      data->upper = WIDE_RANGE;
    }
  if (def->type == CB_FIELD_NUMBER && def->min == 0 && def->max == 1)
    step = 0.05;
  else if (def->min == 0 && def->max == 100)
    step = 5;  /* percentages */

  adjustment = gtk_adjustment_new (CLAMP (0.0, data->lower, data->upper), data->lower, data->upper,
                                   step, step * 10, 0);
  spin = gtk_spin_button_new (adjustment, step, digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  _cb_form_set_accessible_label (spin, field_label (entity, def));

  field = _cb_form_field_new (form, entity, def, owner != NULL ? owner : spin);
  field->control = spin;
  field->data = data;
  field->data_free = g_free;
  sync_number (field);
  _cb_form_field_connect (field, spin, "value-changed", G_CALLBACK (on_spin_value_changed), TRUE);
  _cb_form_field_connect (field, spin, "output", G_CALLBACK (on_spin_output), FALSE);
  _cb_form_field_connect (field, spin, "input", G_CALLBACK (on_spin_input), FALSE);
  _cb_form_field_connect_notify (field, G_CALLBACK (on_number_notify));
  gtk_widget_set_sensitive (spin, !_cb_form_is_read_only (form));
  return spin;
}

static GtkWidget *
build_number_row (CbForm           *form,
                  CbEntity         *entity,
                  const CbFieldDef *def)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_label (entity, def));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  spin = create_spin (form, entity, def, row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  _cb_form_tag (row, NULL, spin);
  return row;
}

/* Dispatch */

/**
 * _cb_form_build_row:
 *
 * Returns: (transfer floating) (nullable): the row that edits @def of
 *   @entity; %NULL for members not edited in a row (ids, nested records)
 */
GtkWidget *
_cb_form_build_row (CbForm           *self,
                    CbEntity         *entity,
                    const CbFieldDef *def)
{
  switch (def->type)
    {
    case CB_FIELD_STRING:
      return build_string_row (self, entity, def);
    case CB_FIELD_TEXT:
      return build_text_row (self, entity, def);
    case CB_FIELD_ENUM:
      return build_enum_row (self, entity, def);
    case CB_FIELD_INT:
    case CB_FIELD_NUMBER:
      return build_number_row (self, entity, def);
    case CB_FIELD_REF:
      return _cb_form_build_ref_row (self, entity, def);
    case CB_FIELD_REF_LIST:
      return _cb_form_build_ref_list_row (self, entity, def);
    case CB_FIELD_STRING_LIST:
      return _cb_form_build_string_list_row (self, entity, def);
    case CB_FIELD_ID:
    case CB_FIELD_OBJECT:
    case CB_FIELD_LIST:
    default:
      return NULL;
    }
}

/**
 * _cb_form_build_control:
 *
 * A compact editor for a member of a mapping record, edited inline in
 * the record's row: a drop-down for enumerations and references, a spin
 * button for numbers, an entry for strings.
 *
 * Returns: (transfer floating) (nullable): the control
 */
GtkWidget *
_cb_form_build_control (CbForm           *self,
                        CbEntity         *entity,
                        const CbFieldDef *def)
{
  const char *label = field_label (entity, def);
  GtkWidget *control = NULL;

  switch (def->type)
    {
    case CB_FIELD_STRING:
    case CB_FIELD_TEXT:
      control = gtk_entry_new ();
      gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
      bind_string (self, entity, def, control);
      break;
    case CB_FIELD_ENUM:
      {
        GtkStringList *strings = enum_strings (def);

        control = gtk_drop_down_new (G_LIST_MODEL (strings), NULL);
        gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
        _cb_form_style_inline_drop_down (control);
        bind_enum (self, entity, def, control, strings);
      }
      break;
    case CB_FIELD_INT:
    case CB_FIELD_NUMBER:
      control = create_spin (self, entity, def, NULL);
      break;
    case CB_FIELD_REF:
      control = _cb_form_build_ref_control (self, entity, def);
      break;
    case CB_FIELD_ID:
    case CB_FIELD_REF_LIST:
    case CB_FIELD_STRING_LIST:
    case CB_FIELD_OBJECT:
    case CB_FIELD_LIST:
    default:
      return NULL;
    }
  set_compact_labels (control, label, def->name);
  return control;
}
