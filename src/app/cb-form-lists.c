/* cb-form-lists.c: CbForm's groups of nested records
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of records (a course's modules, a module's skills) is a group
 * with one row per record, kept in step with the list's items-changed.
 * Records with an id are opened from their row (CbForm::activate-child);
 * mapping records, which only tie two records together (a module's skill
 * and its level), are edited inline in their row. Every row can be moved
 * by dragging or with Move Up / Move Down (also Alt+Up and Alt+Down), and
 * duplicated or removed from its menu; the group's Add button appends a
 * new record.
 */
#define G_LOG_DOMAIN "cb-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cb-form-private.h"
#include "cb-identity.h"

#define CHILD_ROW_KEY "cb-form-child-row"

typedef struct
{
  GtkWidget *listbox;      /* unowned */
  GtkWidget *add_button;   /* unowned */
  gboolean mapping;
  GHashTable *columns;     /* member → GtkSizeGroup, for mapping rows */
  /* A record whose row had the focus when it left the list: its new row
   * gets the focus back (a move), or the row now in its place (a removal). */
  CbEntity *refocus;
  guint refocus_position;
  gboolean refocus_menu;
} ListData;

typedef struct
{
  CbFormField *list;       /* unowned: the group's binding outlives its rows */
  CbEntity *child;         /* owned */
  GtkWidget *row;          /* unowned */
  GtkWidget *menu_button;  /* unowned */
  GSimpleActionGroup *actions;
  graphene_point_t drag_point;
} ChildRow;

typedef struct
{
  CbEntity *parent;
  CbEntity *dragged;
  char *field;
  guint to;
} PendingMove;

static void
list_data_free (gpointer data)
{
  ListData *list = data;

  g_clear_object (&list->refocus);
  g_hash_table_unref (list->columns);
  g_free (list);
}

static void
child_row_free (gpointer data)
{
  ChildRow *child_row = data;

  g_object_unref (child_row->actions);
  g_object_unref (child_row->child);
  g_free (child_row);
}

static ChildRow *
get_child_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), CHILD_ROW_KEY);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
focus_row (GtkWidget *row)
{
  GtkWidget *focus = g_object_get_data (G_OBJECT (row), CB_FORM_FOCUS_KEY);

  if ((focus == NULL || !gtk_widget_grab_focus (focus)) && !gtk_widget_grab_focus (row))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}

/* What a person calls the record: a mapping record by the record it names. */
static char *
dup_child_title (CbEntity *child)
{
  const CbKindDef *kdef = cb_entity_get_kind_def (child);

  if (kdef->key_field >= 0 && kdef->fields[kdef->key_field].type == CB_FIELD_REF)
    {
      const char *id = cb_entity_get_string (child, kdef->fields[kdef->key_field].name);
      CbProject *project = cb_entity_get_project (child);
      CbEntity *target = id != NULL && project != NULL ? cb_project_lookup (project, id) : NULL;

      if (target != NULL)
        return cb_ref_dup_label (target);
    }
  return g_strdup (cb_entity_get_display_name (child));
}

/* Rows */

static void
refresh_child_row (ChildRow *child_row)
{
  g_autofree char *title = dup_child_title (child_row->child);
  /* Translators: the accessible name of a menu button; %s names a record */
  g_autofree char *accessible = g_strdup_printf (_("Actions for %s"), title);
  AdwPreferencesRow *row = ADW_PREFERENCES_ROW (child_row->row);

  if (ADW_IS_ACTION_ROW (child_row->row))
    {
      g_autofree char *summary = _cb_form_dup_summary (child_row->child);
      const char *subtitle = summary != NULL ? summary : "";

      if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (child_row->row)), subtitle) != 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (child_row->row), subtitle);
    }
  if (g_strcmp0 (adw_preferences_row_get_title (row), title) != 0)
    adw_preferences_row_set_title (row, title);
  _cb_form_set_accessible_label (child_row->menu_button, accessible);
}

static void
update_positions (CbFormField *field)
{
  ListData *data = field->data;
  gboolean read_only = _cb_form_is_read_only (field->form);
  int n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (data->listbox), n) != NULL)
    n++;
  for (int i = 0; i < n; i++)
    {
      ChildRow *child_row = get_child_row (GTK_WIDGET (gtk_list_box_get_row_at_index (
                                             GTK_LIST_BOX (data->listbox), i)));
      GActionMap *map = G_ACTION_MAP (child_row->actions);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "move-up")),
                                   !read_only && i > 0);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "move-down")),
                                   !read_only && i < n - 1);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "duplicate")),
                                   !read_only && !data->mapping);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "remove")),
                                   !read_only);
    }
}

static void
move_child (ChildRow *child_row,
            int       delta)
{
  CbEntity *parent = child_row->list->entity;
  const char *name = child_row->list->def->name;
  int position = cb_entity_get_position (child_row->child);
  int n = (int) cb_entity_get_n_children (parent, name);

  if (position < 0 || position + delta < 0 || position + delta >= n)
    return;
  /* The row goes and comes back: on_children_changed() keeps the focus. */
  cb_entity_move_child (parent, name, (guint) position, (guint) (position + delta));
}

static void
on_move_up (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  move_child (user_data, -1);
}

static void
on_move_down (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  move_child (user_data, 1);
}

static void
on_duplicate (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ChildRow *child_row = user_data;
  CbEntity *parent = child_row->list->entity;
  ListData *data = child_row->list->data;
  CbProject *project = cb_entity_get_project (parent);
  int position = cb_entity_get_position (child_row->child);
  g_autoptr (CbEntity) copy = NULL;
  GtkListBoxRow *row;

  if (position < 0)
    return;
  copy = cb_entity_duplicate (child_row->child);
  if (project != NULL)
    cb_project_begin_group (project, _("Duplicate"));
  cb_entity_insert_child (parent, child_row->list->def->name, (guint) position + 1, copy);
  if (project != NULL)
    cb_project_end_group (project);

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (data->listbox), position + 1);
  if (row != NULL)
    focus_row (GTK_WIDGET (row));
}

static void
on_remove (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  ChildRow *child_row = user_data;
  CbForm *form = child_row->list->form;
  g_autoptr (CbEntity) child = g_object_ref (child_row->child);
  g_autofree char *title = dup_child_title (child);
  /* Translators: shown after removing a record, with an Undo button */
  g_autofree char *message = g_strdup_printf (_("“%s” removed"), title);

  /* Removes the row, and @child_row with it. */
  cb_entity_remove (child);
  _cb_form_show_toast (form, message, TRUE);
}

static const GActionEntry row_actions[] = {
  { "move-up", on_move_up, NULL, NULL, NULL, { 0 } },
  { "move-down", on_move_down, NULL, NULL, NULL, { 0 } },
  { "duplicate", on_duplicate, NULL, NULL, NULL, { 0 } },
  { "remove", on_remove, NULL, NULL, NULL, { 0 } },
};

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  ChildRow *child_row = user_data;
  ListData *data = child_row->list->data;
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) moves = g_menu_new ();
  g_autoptr (GMenu) edits = g_menu_new ();

  /* Built when first opened, so that twenty rows cost twenty buttons only. */
  g_menu_append (moves, _("Move _Up"), "row.move-up");
  g_menu_append (moves, _("Move _Down"), "row.move-down");
  if (!data->mapping)
    g_menu_append (edits, _("D_uplicate"), "row.duplicate");
  g_menu_append (edits, _("_Remove"), "row.remove");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
on_child_row_activated (AdwActionRow *row,
                        ChildRow     *child_row)
{
  g_autoptr (CbEntity) child = g_object_ref (child_row->child);

  _cb_form_emit_activate_child (child_row->list->form, child);
}

/* Dragging */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 ChildRow      *child_row)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (!gtk_widget_compute_point (widget, child_row->row,
                                 &GRAPHENE_POINT_INIT ((float) x, (float) y),
                                 &child_row->drag_point))
    child_row->drag_point = GRAPHENE_POINT_INIT (0, 0);
  return gdk_content_provider_new_typed (CB_TYPE_ENTITY, child_row->child);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               ChildRow      *child_row)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (child_row->row);

  gtk_drag_source_set_icon (source, paintable, (int) child_row->drag_point.x,
                            (int) child_row->drag_point.y);
}

static gboolean
apply_move (gpointer user_data)
{
  PendingMove *move = user_data;
  int from = cb_entity_get_position (move->dragged);
  guint n = cb_entity_get_n_children (move->parent, move->field);

  if (from >= 0 && cb_entity_get_parent (move->dragged) == move->parent && move->to < n)
    cb_entity_move_child (move->parent, move->field, (guint) from, move->to);
  return G_SOURCE_REMOVE;
}

static void
pending_move_free (gpointer data)
{
  PendingMove *move = data;

  g_object_unref (move->parent);
  g_object_unref (move->dragged);
  g_free (move->field);
  g_free (move);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ChildRow      *child_row)
{
  CbEntity *dragged = g_value_get_object (value);
  CbEntity *parent = child_row->list->entity;
  const char *name = child_row->list->def->name;
  int to = cb_entity_get_position (child_row->child);
  PendingMove *move;

  if (!CB_IS_ENTITY (dragged) || dragged == child_row->child || to < 0 ||
      cb_entity_get_parent (dragged) != parent ||
      g_strcmp0 (cb_entity_get_parent_field (dragged), name) != 0)
    return FALSE;

  /* Moving rebuilds the rows, this one too: do it once the drop is over. */
  move = g_new0 (PendingMove, 1);
  move->parent = g_object_ref (parent);
  move->dragged = g_object_ref (dragged);
  move->field = g_strdup (name);
  move->to = (guint) to;
  g_idle_add_full (G_PRIORITY_DEFAULT, apply_move, move, pending_move_free);
  return TRUE;
}

static void
setup_drag_and_drop (ChildRow  *child_row,
                     GtkWidget *handle)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (CB_TYPE_ENTITY, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), child_row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), child_row);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), child_row);
  gtk_widget_add_controller (child_row->row, GTK_EVENT_CONTROLLER (target));
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  GtkShortcutTrigger *shortcut_trigger = gtk_shortcut_trigger_parse_string (trigger);

  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (shortcut_trigger,
                                                          gtk_named_action_new (action)));
}

static gboolean
has_numbers (const CbKindDef *kdef)
{
  for (guint i = 0; i < kdef->n_fields; i++)
    if (kdef->fields[i].type == CB_FIELD_INT || kdef->fields[i].type == CB_FIELD_NUMBER)
      return TRUE;
  return FALSE;
}

/* Controls of the same member line up from row to row. */
static void
add_to_column (ListData   *data,
               const char *member,
               GtkWidget  *control)
{
  GtkSizeGroup *group = g_hash_table_lookup (data->columns, member);

  if (group == NULL)
    {
      group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
      g_hash_table_insert (data->columns, (gpointer) member, group);
    }
  gtk_size_group_add_widget (group, control);
}

/* A mapping record, edited in its row: the records it names first, with
 * the room they need, then its values. Numbers mean nothing without their
 * names, so records with numbers put their values, named, on a second line. */
static GtkWidget *
create_mapping_row (ChildRow  *child_row,
                    GtkWidget *handle)
{
  const CbKindDef *kdef = cb_entity_get_kind_def (child_row->child);
  ListData *data = child_row->list->data;
  gboolean two_lines = has_numbers (kdef);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *second_line = NULL;
  GtkWidget *first = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (lines, 6);
  gtk_widget_set_margin_bottom (lines, 6);
  gtk_widget_set_margin_start (lines, 6);
  gtk_widget_set_margin_end (lines, 6);
  gtk_box_append (GTK_BOX (first_line), handle);
  gtk_box_append (GTK_BOX (lines), first_line);
  if (two_lines)
    {
      second_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      /* Under the first drop-down, past the drag handle. */
      gtk_widget_set_margin_start (second_line, 22);
      gtk_box_append (GTK_BOX (lines), second_line);
    }

  for (guint i = 0; i < kdef->n_fields; i++)
    {
      const CbFieldDef *def = &kdef->fields[i];
      GtkWidget *control = _cb_form_build_control (child_row->list->form, child_row->child, def);

      if (control == NULL)
        continue;
      if (first == NULL)
        first = control;
      if (def->type == CB_FIELD_REF)
        {
          gtk_widget_set_hexpand (control, TRUE);
          gtk_box_append (GTK_BOX (first_line), control);
        }
      else if (second_line != NULL)
        {
          GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *caption = gtk_label_new (cb_field_get_label (kdef->kind, def->name));

          gtk_widget_add_css_class (caption, "dim-label");
          add_to_column (data, def->name, control);
          gtk_box_append (GTK_BOX (pair), caption);
          gtk_box_append (GTK_BOX (pair), control);
          gtk_box_append (GTK_BOX (second_line), pair);
        }
      else
        {
          add_to_column (data, def->name, control);
          gtk_box_append (GTK_BOX (first_line), control);
        }
    }
  gtk_box_append (GTK_BOX (first_line), child_row->menu_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), lines);
  _cb_form_tag (row, NULL, first);
  return row;
}

static GtkWidget *
create_child_row (CbFormField *field,
                  CbEntity    *child)
{
  ListData *data = field->data;
  ChildRow *child_row = g_new0 (ChildRow, 1);
  gboolean read_only = _cb_form_is_read_only (field->form);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkWidget *row;

  child_row->list = field;
  child_row->child = g_object_ref (child);
  child_row->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (child_row->actions), row_actions,
                                   G_N_ELEMENTS (row_actions), child_row);

  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_tooltip_text (handle, _("Drag to Reorder"));
  gtk_widget_set_visible (handle, !read_only);

  child_row->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (child_row->menu_button), "view-more-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (child_row->menu_button), FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (child_row->menu_button),
                                         create_popup, child_row, NULL);
  gtk_widget_set_valign (child_row->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (child_row->menu_button, _("Actions"));
  gtk_widget_set_sensitive (child_row->menu_button, !read_only);

  if (data->mapping)
    {
      row = create_mapping_row (child_row, handle);
    }
  else
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), child_row->menu_button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      /* The row lives inside the group, whose binding outlives it. */
      g_signal_connect (row, "activated", G_CALLBACK (on_child_row_activated), child_row);
    }
  child_row->row = row;
  g_object_set_data_full (G_OBJECT (row), CHILD_ROW_KEY, child_row, child_row_free);
  gtk_widget_insert_action_group (row, "row", G_ACTION_GROUP (child_row->actions));

  /* Keyboard users move rows with Alt+Up and Alt+Down. */
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Up", "row.move-up");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Down", "row.move-down");
  gtk_widget_add_controller (row, shortcuts);

  if (!read_only)
    setup_drag_and_drop (child_row, data->mapping ? handle : row);
  refresh_child_row (child_row);
  return row;
}

/* The group */

static void
on_children_changed (GListModel  *model,
                     guint        position,
                     guint        removed,
                     guint        added,
                     CbFormField *field)
{
  ListData *data = field->data;
  GtkListBox *listbox = GTK_LIST_BOX (data->listbox);

  for (guint i = 0; i < removed; i++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (listbox, (int) position));
      ChildRow *child_row = get_child_row (row);

      if (has_focus_within (row))
        {
          g_set_object (&data->refocus, child_row->child);
          data->refocus_position = position;
          data->refocus_menu = has_focus_within (child_row->menu_button);
        }
      gtk_list_box_remove (listbox, row);
    }
  for (guint i = 0; i < added; i++)
    {
      g_autoptr (CbEntity) child = g_list_model_get_item (model, position + i);
      GtkWidget *row = create_child_row (field, child);

      gtk_list_box_insert (listbox, row, (int) (position + i));
      if (data->refocus == child)
        {
          if (data->refocus_menu)
            gtk_widget_grab_focus (get_child_row (row)->menu_button);
          else
            focus_row (row);
          g_clear_object (&data->refocus);
        }
    }
  update_positions (field);
}

static void
on_list_project_changed (CbProject   *project,
                         CbFormField *field)
{
  ListData *data = field->data;
  GtkListBox *listbox = GTK_LIST_BOX (data->listbox);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (listbox, i)) != NULL; i++)
    refresh_child_row (get_child_row (GTK_WIDGET (row)));

  /* The record that had the focus left the list for good: focus the row
   * now in its place, or the Add button. */
  if (data->refocus != NULL)
    {
      g_clear_object (&data->refocus);
      row = gtk_list_box_get_row_at_index (listbox, (int) data->refocus_position);
      if (row == NULL && data->refocus_position > 0)
        row = gtk_list_box_get_row_at_index (listbox, (int) data->refocus_position - 1);
      if (row != NULL)
        focus_row (GTK_WIDGET (row));
      else
        gtk_widget_grab_focus (data->add_button);
    }
}

static void
on_add_clicked (GtkButton   *button,
                CbFormField *field)
{
  CbForm *form = field->form;
  CbEntity *parent = field->entity;
  ListData *data = field->data;
  CbKind kind = field->def->child_kind;
  CbProject *project = cb_entity_get_project (parent);
  g_autoptr (CbEntity) child = cb_entity_new_with_id (kind);
  /* Translators: an undo step; %s is a kind of record such as "module" */
  g_autofree char *label = g_strdup_printf (_("Add %s"), cb_kind_get_label (kind));
  GtkListBoxRow *row;
  guint n;

  if (project != NULL)
    cb_project_begin_group (project, label);
  if (cb_kind_find_field (kind, "created") >= 0)
    {
      g_autofree char *now = cb_timestamp_now ();

      cb_entity_set_string (child, "created", now);
    }
  /* The user, as set in the preferences, writes what they add. */
  if (project != NULL && (kind == CB_KIND_MODULE || kind == CB_KIND_REPLY))
    {
      const char *me = cb_identity_ensure_person (project);

      if (me != NULL && kind == CB_KIND_MODULE)
        {
          const char *authors[] = { me, NULL };

          cb_entity_set_strv (child, "authors", authors);
        }
      else if (me != NULL)
        cb_entity_set_string (child, "author", me);
    }
  cb_entity_append_child (parent, field->def->name, child);
  if (project != NULL)
    cb_project_end_group (project);

  /* A record of its own opens on a page; a mapping is edited right here. */
  if (cb_kind_has_id (kind))
    {
      _cb_form_emit_activate_child (form, child);
      return;
    }
  n = cb_entity_get_n_children (parent, field->def->name);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (data->listbox), (int) n - 1);
  if (row != NULL)
    {
      focus_row (GTK_WIDGET (row));
      _cb_form_scroll_to (form, GTK_WIDGET (row));
    }
}

/**
 * _cb_form_build_list_group:
 * @path: the member's path in the form
 *
 * Returns: (transfer floating): a group for the list of records @def
 */
GtkWidget *
_cb_form_build_list_group (CbForm           *self,
                           CbEntity         *entity,
                           const CbFieldDef *def,
                           const char       *path)
{
  GtkWidget *group = adw_preferences_group_new ();
  ListData *data = g_new0 (ListData, 1);
  GListModel *children = cb_entity_get_children (entity, def->name);
  const char *kind_label = cb_kind_get_label (def->child_kind);
  /* Translators: a button's tooltip; %s is a kind of record such as "module" */
  g_autofree char *add_label = g_strdup_printf (_("Add %s"), kind_label);
  GtkWidget *placeholder = gtk_label_new (C_("list", "None"));
  CbFormField *field;
  guint n;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   cb_field_get_label (cb_entity_get_kind (entity), def->name));
  data->mapping = _cb_form_is_mapping_kind (def->child_kind);
  data->columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  data->add_button = _cb_form_icon_button ("list-add-symbolic", add_label, NULL);
  gtk_widget_set_name (data->add_button, "cb-form-add");
  gtk_widget_set_sensitive (data->add_button, !_cb_form_is_read_only (self));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), data->add_button);

  /* A list box of our own, so that rows can be inserted where the model
   * says; it looks like the group's own. */
  data->listbox = gtk_list_box_new ();
  gtk_widget_set_name (data->listbox, "cb-form-children");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (data->listbox), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (data->listbox, "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (data->listbox), placeholder);
  _cb_form_set_accessible_label (data->listbox,
                                 cb_field_get_label (cb_entity_get_kind (entity), def->name));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), data->listbox);

  field = _cb_form_field_new (self, entity, def, group);
  field->control = data->add_button;
  field->data = data;
  field->data_free = list_data_free;

  n = g_list_model_get_n_items (children);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CbEntity) child = g_list_model_get_item (children, i);

      gtk_list_box_append (GTK_LIST_BOX (data->listbox), create_child_row (field, child));
    }
  update_positions (field);

  _cb_form_field_connect (field, data->add_button, "clicked", G_CALLBACK (on_add_clicked), TRUE);
  _cb_form_field_connect (field, children, "items-changed",
                          G_CALLBACK (on_children_changed), FALSE);
  _cb_form_field_connect_changed (field, G_CALLBACK (on_list_project_changed));
  _cb_form_attach_sum (self, entity, def, group);
  _cb_form_tag (group, path, NULL);
  return group;
}
