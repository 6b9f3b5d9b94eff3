/* cb-form-multi.c: CbForm's editors for lists of ids and lists of strings
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both are AdwExpanderRows whose subtitle sums up the list. A list of ids
 * (a module's partners, a course's prerequisites) shows one row per record
 * named, each with a remove button, and an "Add…" button that opens a
 * CbRefPicker over the shared candidates. A list of strings (topics,
 * teaching methods) shows one editable row per string and a last row to
 * add one. The whole list is one member, so every change sets it at once.
 */
#define G_LOG_DOMAIN "cb-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cb-form-private.h"

#define SUBTITLE_MAX_CHARS 64
#define INDEX_KEY "cb-form-index"

static const char * const method_suggestions[] = {
  "lecture", "lab", "case", "project", "on-site", NULL
};

static const char *
method_label (const char *method)
{
  if (strcmp (method, "lecture") == 0)
    return C_("teaching method", "Lecture");
  if (strcmp (method, "lab") == 0)
    return C_("teaching method", "Lab work");
  if (strcmp (method, "case") == 0)
    return C_("teaching method", "Case study");
  if (strcmp (method, "project") == 0)
    return C_("teaching method", "Project");
  if (strcmp (method, "on-site") == 0)
    return C_("teaching method", "On-site learning");
  return method;
}

/* What one string of the list is called, for the rows' titles. */
static const char *
item_noun (CbFormField *field)
{
  if (strcmp (field->def->name, "topics") == 0)
    return C_("list item", "Topic");
  if (strcmp (field->def->name, "methods") == 0)
    return C_("list item", "Method");
  return _cb_form_field_get_label (field);
}

static guint
strv_len (const char * const *strv)
{
  return strv != NULL ? g_strv_length ((char **) strv) : 0;
}

/* The list with item @index replaced by @replacement (or left out when it
 * is NULL), or with @replacement appended when @index is past the end. An
 * emptied list stays an (empty) list, as the format wants. */
static void
set_list_item (CbFormField *field,
               guint        index,
               const char  *replacement)
{
  const char * const *items = cb_entity_get_strv (field->entity, field->def->name);
  guint n = strv_len (items);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) result = NULL;

  for (guint i = 0; i < n; i++)
    if (i != index)
      g_strv_builder_add (builder, items[i]);
    else if (replacement != NULL)
      g_strv_builder_add (builder, replacement);
  if (index >= n && replacement != NULL)
    g_strv_builder_add (builder, replacement);
  result = g_strv_builder_end (builder);
  cb_entity_set_strv (field->entity, field->def->name, (const char * const *) result);
}

static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= SUBTITLE_MAX_CHARS)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, SUBTITLE_MAX_CHARS - 1);

    return g_strconcat (g_strchomp (head), "…", NULL);
  }
}

/* Joins @labels for the subtitle; "None" for an empty list. */
static char *
dup_subtitle (GPtrArray *labels)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (labels->len == 0)
    return g_strdup (C_("list", "None"));
  for (guint i = 0; i < labels->len; i++)
    {
      if (i > 0)
        /* Translators: separates the items of a list in a row's subtitle */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (labels, i));
    }
  return shorten (text->str);
}

static void
set_subtitle (GtkWidget *row,
              GPtrArray *labels)
{
  g_autofree char *subtitle = dup_subtitle (labels);

  if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), subtitle) != 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static GtkWidget *
expander_new (CbEntity         *entity,
              const CbFieldDef *def)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 cb_field_get_label (cb_entity_get_kind (entity), def->name));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

/* Lists of ids */

typedef struct
{
  GtkWidget *picker;   /* unowned, made when first opened */
  CbRefCandidates *candidates; /* unowned: the form keeps it */
  GPtrArray *rows;     /* unowned rows, one per id */
  GStrv shown;         /* the ids the rows show */
} RefListData;

static void
ref_list_data_free (gpointer data)
{
  RefListData *ref_list = data;

  g_ptr_array_unref (ref_list->rows);
  g_strfreev (ref_list->shown);
  g_free (ref_list);
}

static char *
dup_id_label (CbFormField *field,
              const char  *id)
{
  CbProject *project = cb_entity_get_project (field->entity);
  CbEntity *target = project != NULL ? cb_project_lookup (project, id) : NULL;
  g_autoptr (CbRefItem) missing = NULL;

  if (target != NULL)
    return cb_ref_dup_label (target);
  missing = cb_ref_item_new_missing (id);
  return cb_ref_item_dup_label (missing);
}

/* The subtitle names records by their codes where they have one ("CO1,
 * CO3"), by their names otherwise. */
static char *
dup_id_short_label (CbFormField *field,
                    const char  *id)
{
  CbProject *project = cb_entity_get_project (field->entity);
  CbEntity *target = project != NULL ? cb_project_lookup (project, id) : NULL;
  int code = target != NULL ? cb_kind_find_field (cb_entity_get_kind (target), "code") : -1;
  const char *text = code >= 0 ? cb_entity_get_string (target, "code") : NULL;

  if (text != NULL && *text != '\0')
    return g_strdup (text);
  return dup_id_label (field, id);
}

static void
on_ref_remove_clicked (GtkButton   *button,
                       CbFormField *field)
{
  RefListData *data = field->data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), INDEX_KEY));
  guint n;

  /* Rebuilds the rows (see sync_ref_list()): @button is gone after this. */
  set_list_item (field, index, NULL);

  /* Keep the focus where it was: on the next item, or on the list. */
  n = data->rows->len;
  if (n > 0)
    gtk_widget_child_focus (g_ptr_array_index (data->rows, MIN (index, n - 1)),
                            GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_grab_focus (field->owner);
}

/* Updates the labels, which change when a record named is renamed. */
static void
refresh_ref_labels (CbFormField *field)
{
  RefListData *data = field->data;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < data->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (data->rows, i);
      GtkWidget *button = g_object_get_data (G_OBJECT (row), "cb-form-remove");
      g_autofree char *label = dup_id_label (field, data->shown[i]);
      g_autofree char *accessible = NULL;

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), label) != 0)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
          /* Translators: the accessible name of a button; %s is an item of a list */
          accessible = g_strdup_printf (_("Remove %s"), label);
          _cb_form_set_accessible_label (button, accessible);
        }
      g_ptr_array_add (labels, dup_id_short_label (field, data->shown[i]));
    }
  set_subtitle (field->owner, labels);
}

static void
sync_ref_list (CbFormField *field)
{
  RefListData *data = field->data;
  const char * const *ids = cb_entity_get_strv (field->entity, field->def->name);
  gboolean read_only = _cb_form_is_read_only (field->form);
  guint n = strv_len (ids);

  if (data->picker != NULL)
    cb_ref_picker_set_excluded (CB_REF_PICKER (data->picker), ids);
  if (data->shown != NULL && ids != NULL && g_strv_equal ((const char * const *) data->shown, ids))
    {
      refresh_ref_labels (field);
      return;
    }

  for (guint i = 0; i < data->rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (field->owner), g_ptr_array_index (data->rows, i));
  g_ptr_array_set_size (data->rows, 0);
  g_strfreev (data->shown);
  data->shown = g_strdupv ((char **) ids);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = _cb_form_icon_button ("list-remove-symbolic", _("Remove"), NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      g_object_set_data (G_OBJECT (button), INDEX_KEY, GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (row), "cb-form-remove", button);
      gtk_widget_set_sensitive (button, !read_only);
      /* The button lives inside the binding's owner, so it cannot outlive it. */
      g_signal_connect (button, "clicked", G_CALLBACK (on_ref_remove_clicked), field);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (field->owner), row);
      g_ptr_array_add (data->rows, row);
    }
  refresh_ref_labels (field);
}

static void
on_ref_list_notify (CbEntity    *entity,
                    GParamSpec  *pspec,
                    CbFormField *field)
{
  sync_ref_list (field);
}

static void
on_project_changed (CbProject   *project,
                    CbFormField *field)
{
  refresh_ref_labels (field);
}

static void
on_picked (CbRefPicker *picker,
           CbRefItem   *item,
           CbFormField *field)
{
  const char *id = cb_ref_item_get_id (item);

  if (id != NULL)
    set_list_item (field, G_MAXUINT, id);
}

static void
create_ref_list_picker (GtkMenuButton *button,
                        gpointer       user_data)
{
  CbFormField *field = user_data;
  RefListData *data = field->data;

  if (data->picker == NULL)
    {
      data->picker = cb_ref_picker_new (G_LIST_MODEL (data->candidates));
      gtk_menu_button_set_popover (button, data->picker);
      _cb_form_field_connect (field, data->picker, "picked", G_CALLBACK (on_picked), TRUE);
    }
  cb_ref_picker_set_excluded (CB_REF_PICKER (data->picker),
                              cb_entity_get_strv (field->entity, field->def->name));
}

/**
 * _cb_form_build_ref_list_row:
 *
 * Returns: (transfer floating): an expander row for a list of ids
 */
GtkWidget *
_cb_form_build_ref_list_row (CbForm           *self,
                             CbEntity         *entity,
                             const CbFieldDef *def)
{
  GtkWidget *row = expander_new (entity, def);
  CbRefCandidates *candidates = _cb_form_get_candidates (self, entity, def);
  GtkWidget *add = gtk_menu_button_new ();
  RefListData *data = g_new0 (RefListData, 1);
  const char *label = cb_field_get_label (cb_entity_get_kind (entity), def->name);
  /* Translators: the accessible name of a button; %s is a list such as "Prerequisites" */
  g_autofree char *accessible = g_strdup_printf (_("Add to %s"), label);
  CbFormField *field;

  data->rows = g_ptr_array_new ();
  data->candidates = candidates;
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (add), "list-add-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (add), FALSE);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add…"));
  _cb_form_set_accessible_label (add, accessible);
  gtk_widget_set_sensitive (add, !_cb_form_is_read_only (self));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), add);

  field = _cb_form_field_new (self, entity, def, row);
  field->control = add;
  field->data = data;
  field->data_free = ref_list_data_free;
  /* The picker is made when first opened: forms build many of these. */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (add), create_ref_list_picker, field, NULL);
  sync_ref_list (field);
  _cb_form_field_connect_notify (field, G_CALLBACK (on_ref_list_notify));
  _cb_form_field_connect_changed (field, G_CALLBACK (on_project_changed));
  _cb_form_tag (row, NULL, row);
  return row;
}

/* Lists of strings */

typedef struct
{
  GPtrArray *rows;      /* unowned entry rows, one per string */
  GtkWidget *add_row;   /* unowned */
  GMenu *suggestions;   /* for teaching methods, else NULL */
} StringListData;

static void
string_list_data_free (gpointer data)
{
  StringListData *string_list = data;

  g_ptr_array_unref (string_list->rows);
  g_clear_object (&string_list->suggestions);
  g_free (string_list);
}

static guint
row_index (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), INDEX_KEY));
}

/* Writes an edited string back; an emptied string leaves the list. */
static void
commit_item (CbFormField *field,
             GtkWidget   *row)
{
  const char * const *items = cb_entity_get_strv (field->entity, field->def->name);
  guint index = row_index (row);
  g_autofree char *text = NULL;

  /* Rows that lose the focus because the list is being rebuilt are not edits. */
  if (field->frozen > 0 || !g_ptr_array_find (((StringListData *) field->data)->rows, row, NULL))
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (index >= strv_len (items) || strcmp (items[index], text) == 0)
    return;
  set_list_item (field, index, *text != '\0' ? text : NULL);
}

static void
on_item_apply (AdwEntryRow *row,
               CbFormField *field)
{
  commit_item (field, GTK_WIDGET (row));
}

static void
on_item_focus_leave (GtkEventControllerFocus *controller,
                     CbFormField             *field)
{
  commit_item (field, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_item_remove_clicked (GtkButton   *button,
                        CbFormField *field)
{
  StringListData *data = field->data;
  guint index = row_index (GTK_WIDGET (button));

  set_list_item (field, index, NULL);
  if (index < data->rows->len)
    gtk_widget_grab_focus (g_ptr_array_index (data->rows, index));
  else
    gtk_widget_grab_focus (data->add_row);
}

static void
append_string (CbFormField *field,
               const char  *text)
{
  g_autofree char *item = g_strstrip (g_strdup (text));

  if (*item != '\0')
    set_list_item (field, G_MAXUINT, item);
}

static void
on_add_apply (AdwEntryRow *row,
              CbFormField *field)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  append_string (field, text);
}

static void
on_suggestion_activate (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  append_string (user_data, g_variant_get_string (parameter, NULL));
}

static void
update_suggestions (CbFormField        *field,
                    const char * const *items)
{
  StringListData *data = field->data;

  if (data->suggestions == NULL)
    return;
  g_menu_remove_all (data->suggestions);
  for (guint i = 0; method_suggestions[i] != NULL; i++)
    if (items == NULL || !g_strv_contains (items, method_suggestions[i]))
      {
        g_autoptr (GMenuItem) item = g_menu_item_new (method_label (method_suggestions[i]), NULL);

        g_menu_item_set_action_and_target (item, "strings.add", "s", method_suggestions[i]);
        g_menu_append_item (data->suggestions, item);
      }
}

static GtkWidget *
create_item_row (CbFormField *field,
                 guint        index,
                 const char  *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = _cb_form_icon_button ("list-remove-symbolic", _("Remove"), NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  gboolean read_only = _cb_form_is_read_only (field->form);
  /* Translators: the title of an item of a list, such as "Topic 2" */
  g_autofree char *title = g_strdup_printf (C_("list item", "%s %u"), item_noun (field), index + 1);
  /* Translators: the accessible name of a button; %s is an item of a list */
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data (G_OBJECT (row), INDEX_KEY, GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), INDEX_KEY, GUINT_TO_POINTER (index));
  _cb_form_set_accessible_label (button, remove);
  gtk_widget_set_sensitive (row, !read_only);
  gtk_widget_set_sensitive (button, !read_only);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  gtk_widget_add_controller (row, focus);

  /* These widgets live inside the binding's owner, so they cannot outlive it. */
  g_signal_connect (row, "apply", G_CALLBACK (on_item_apply), field);
  g_signal_connect (focus, "leave", G_CALLBACK (on_item_focus_leave), field);
  g_signal_connect (button, "clicked", G_CALLBACK (on_item_remove_clicked), field);
  return row;
}

static void
sync_string_list (CbFormField *field)
{
  StringListData *data = field->data;
  const char * const *items = cb_entity_get_strv (field->entity, field->def->name);
  guint n = strv_len (items);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  _cb_form_field_freeze (field);
  if (n != data->rows->len)
    {
      GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (data->add_row));

      for (guint i = 0; i < data->rows->len; i++)
        adw_expander_row_remove (ADW_EXPANDER_ROW (field->owner),
                                 g_ptr_array_index (data->rows, i));
      g_ptr_array_set_size (data->rows, 0);
      /* Before the row that adds one, which keeps its place and its focus. */
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = create_item_row (field, i, items[i]);

          gtk_list_box_insert (list, row, (int) i);
          g_ptr_array_add (data->rows, row);
        }
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = g_ptr_array_index (data->rows, i);

          if (strcmp (gtk_editable_get_text (GTK_EDITABLE (row)), items[i]) != 0)
            gtk_editable_set_text (GTK_EDITABLE (row), items[i]);
        }
    }
  _cb_form_field_thaw (field);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, (gpointer) items[i]);
  set_subtitle (field->owner, labels);
  update_suggestions (field, items);
}

static void
on_string_list_notify (CbEntity    *entity,
                       GParamSpec  *pspec,
                       CbFormField *field)
{
  sync_string_list (field);
}

/**
 * _cb_form_build_string_list_row:
 *
 * Returns: (transfer floating): an expander row for a list of strings
 */
GtkWidget *
_cb_form_build_string_list_row (CbForm           *self,
                                CbEntity         *entity,
                                const CbFieldDef *def)
{
  GtkWidget *row = expander_new (entity, def);
  StringListData *data = g_new0 (StringListData, 1);
  const char *label = cb_field_get_label (cb_entity_get_kind (entity), def->name);
  /* Translators: the accessible name of the row that adds to a list; %s is the list */
  g_autofree char *accessible = g_strdup_printf (_("Add to %s"), label);
  CbFormField *field;

  data->rows = g_ptr_array_new ();
  data->add_row = adw_entry_row_new ();
  /* Translators: the title of the row where a new item of a list is typed */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->add_row), C_("list", "Add"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (data->add_row), TRUE);
  _cb_form_set_accessible_label (data->add_row, accessible);
  gtk_widget_set_sensitive (data->add_row, !_cb_form_is_read_only (self));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), data->add_row);

  field = _cb_form_field_new (self, entity, def, row);
  field->control = data->add_row;
  field->data = data;
  field->data_free = string_list_data_free;

  if (strcmp (def->name, "methods") == 0)
    {
      GtkWidget *button = gtk_menu_button_new ();
      g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
      g_autoptr (GSimpleAction) action = g_simple_action_new ("add", G_VARIANT_TYPE_STRING);

      data->suggestions = g_menu_new ();
      g_signal_connect (action, "activate", G_CALLBACK (on_suggestion_activate), field);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
      gtk_widget_insert_action_group (row, "strings", G_ACTION_GROUP (group));
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (data->suggestions));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Suggestions"));
      _cb_form_set_accessible_label (button, _("Suggested Teaching Methods"));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (data->add_row), button);
    }

  sync_string_list (field);
  _cb_form_field_connect (field, data->add_row, "apply", G_CALLBACK (on_add_apply), FALSE);
  _cb_form_field_connect_notify (field, G_CALLBACK (on_string_list_notify));
  _cb_form_tag (row, NULL, row);
  return row;
}
