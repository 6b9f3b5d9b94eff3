/* cb-form-field.c: the bindings between CbForm's widgets and the model
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CbFormField ties one member of one record to the widgets that show
 * it, for exactly as long as its owner widget lives: every connection it
 * makes is dropped with it, so no callback reaches a widget that is gone,
 * and its control handlers can be blocked while the model's value is
 * written into the widgets. Also the small helpers the form's files share.
 */
#define G_LOG_DOMAIN "cb-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cb-form-private.h"

/* Bindings */

/* Instances are held weakly: most are the owner or widgets inside it, and
 * a strong reference to those would keep the owner from ever being
 * disposed once its parent lets it go. */
typedef struct
{
  GWeakRef instance;
  gulong id;
  gboolean is_control;
} CbFormHandler;

static void
handler_free (gpointer data)
{
  CbFormHandler *handler = data;
  g_autoptr (GObject) instance = g_weak_ref_get (&handler->instance);

  /* A widget's own handlers are gone once it has been disposed. */
  if (instance != NULL && g_signal_handler_is_connected (instance, handler->id))
    g_signal_handler_disconnect (instance, handler->id);
  g_weak_ref_clear (&handler->instance);
  g_free (handler);
}

static void
field_free (gpointer  data,
            GObject  *where_the_object_was)
{
  CbFormField *field = data;

  g_ptr_array_unref (field->handlers);
  if (field->data_free != NULL && field->data != NULL)
    field->data_free (field->data);
  g_object_unref (field->entity);
  g_free (field);
}

/**
 * _cb_form_field_new:
 * @owner: the widget whose lifetime the binding follows
 *
 * Returns: (transfer none): a binding owned by @owner
 */
CbFormField *
_cb_form_field_new (CbForm           *form,
                    CbEntity         *entity,
                    const CbFieldDef *def,
                    GtkWidget        *owner)
{
  CbFormField *field;

  g_assert (CB_IS_FORM (form));
  g_assert (CB_IS_ENTITY (entity));
  g_assert (GTK_IS_WIDGET (owner));

  field = g_new0 (CbFormField, 1);
  field->form = form;
  field->entity = g_object_ref (entity);
  field->def = def;
  field->owner = owner;
  field->handlers = g_ptr_array_new_with_free_func (handler_free);
  g_object_weak_ref (G_OBJECT (owner), field_free, field);
  return field;
}

/* Connects @callback (called with the binding as its data) for as long as
 * the binding lives. Control handlers are the ones freezing blocks. */
void
_cb_form_field_connect (CbFormField *field,
                        gpointer     instance,
                        const char  *signal,
                        GCallback    callback,
                        gboolean     is_control)
{
  CbFormHandler *handler = g_new0 (CbFormHandler, 1);

  g_assert (G_IS_OBJECT (instance));

  g_weak_ref_init (&handler->instance, instance);
  handler->id = g_signal_connect (instance, signal, callback, field);
  handler->is_control = is_control;
  g_ptr_array_add (field->handlers, handler);
  if (is_control && field->frozen > 0)
    g_signal_handler_block (instance, handler->id);
}

/* Follows the member's value: notify::<property> of the record. */
void
_cb_form_field_connect_notify (CbFormField *field,
                               GCallback    callback)
{
  g_autofree char *signal = NULL;

  g_assert (field->def != NULL);
  signal = g_strconcat ("notify::", field->def->prop_name, NULL);
  _cb_form_field_connect (field, field->entity, signal, callback, FALSE);
}

/* Follows every step of the project (edits, undo, redo): for what is
 * computed from more than one member. */
void
_cb_form_field_connect_changed (CbFormField *field,
                                GCallback    callback)
{
  CbProject *project = _cb_form_get_project (field->form);

  if (project != NULL)
    _cb_form_field_connect (field, project, "changed", callback, FALSE);
}

static void
block_controls (CbFormField *field,
                gboolean     block)
{
  for (guint i = 0; i < field->handlers->len; i++)
    {
      CbFormHandler *handler = g_ptr_array_index (field->handlers, i);
      g_autoptr (GObject) instance = NULL;

      if (!handler->is_control || (instance = g_weak_ref_get (&handler->instance)) == NULL)
        continue;
      if (block)
        g_signal_handler_block (instance, handler->id);
      else
        g_signal_handler_unblock (instance, handler->id);
    }
}

void
_cb_form_field_freeze (CbFormField *field)
{
  if (field->frozen++ == 0)
    block_controls (field, TRUE);
}

void
_cb_form_field_thaw (CbFormField *field)
{
  g_assert (field->frozen > 0);
  if (--field->frozen == 0)
    block_controls (field, FALSE);
}

/* Returns: (transfer none): the member's name for people */
const char *
_cb_form_field_get_label (CbFormField *field)
{
  return cb_field_get_label (cb_entity_get_kind (field->entity), field->def->name);
}

/* Helpers */

gboolean
_cb_form_is_mapping_kind (CbKind kind)
{
  return cb_kind_get_def (kind)->key_field >= 0;
}

/* Marks @widget as the row (or group) of the member @path; @focus, if not
 * NULL, is the widget inside it that takes the focus. */
void
_cb_form_tag (GtkWidget  *widget,
              const char *path,
              GtkWidget  *focus)
{
  if (path != NULL)
    g_object_set_data_full (G_OBJECT (widget), CB_FORM_PATH_KEY, g_strdup (path), g_free);
  if (focus != NULL)
    g_object_set_data (G_OBJECT (widget), CB_FORM_FOCUS_KEY, focus);
}

void
_cb_form_set_accessible_label (GtkWidget  *widget,
                               const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* A flat icon button: the tooltip says what it does, the accessible label
 * also says to what ("Remove Module 3"). */
GtkWidget *
_cb_form_icon_button (const char *icon_name,
                      const char *tooltip,
                      const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  _cb_form_set_accessible_label (button, accessible_label != NULL ? accessible_label : tooltip);
  return button;
}

/**
 * _cb_form_format_number:
 *
 * Formats a number for people without needless digits ("32", "0.25"),
 * independently of the locale like the rest of the app's messages.
 *
 * Returns: (transfer full): the text
 */
char *
_cb_form_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (strcmp (buffer, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buffer);
}

/* Selection of AdwComboRow and GtkDropDown alike */

guint
_cb_form_get_selected (GtkWidget *control)
{
  if (ADW_IS_COMBO_ROW (control))
    return adw_combo_row_get_selected (ADW_COMBO_ROW (control));
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (control));
}

void
_cb_form_set_selected (GtkWidget *control,
              guint      position)
{
  if (_cb_form_get_selected (control) == position)
    return;
  if (ADW_IS_COMBO_ROW (control))
    adw_combo_row_set_selected (ADW_COMBO_ROW (control), position);
  else
    gtk_drop_down_set_selected (GTK_DROP_DOWN (control), position);
}

/* Drop-downs inside a row look like the values of combo rows: flat, and
 * in the weight of text rather than of buttons (see cb-form.c's style). */
void
_cb_form_style_inline_drop_down (GtkWidget *drop_down)
{
  GtkWidget *button = gtk_widget_get_first_child (drop_down);

  gtk_widget_add_css_class (drop_down, "cb-inline");
  if (GTK_IS_BUTTON (button))
    gtk_widget_add_css_class (button, "flat");
}
