/* cb-collection-page.c: a list of records beside the editor of the one chosen
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page per list of the project (courses, skills, graduation
 * requirements, people, partners, reviews). The list on the left is a
 * virtualised GtkListView over the project's own list model, filtered by a
 * search entry; the editor on the right is a CbForm. Nested records (a
 * course's modules, a module's resources…) open in the same editor, with a
 * back button and a trail of where one is. On narrow windows the two sides
 * fold into one (AdwLeaflet).
 */

#define G_LOG_DOMAIN "cb-collection-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-collection-page.h"
#include "cb-form.h"
#include "cb-identity.h"
#include "cb-two-line.h"

struct _CbCollectionPage
{
  AdwBin parent_instance;

  char *field;
  CbKind kind;
  CbProject *project;

  AdwLeaflet *leaflet;
  GtkSearchEntry *search_entry;
  GtkListView *list_view;
  GtkStack *list_stack;
  AdwStatusPage *empty_page;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkCustomFilter *filter;
  GtkButton *remove_button;
  GtkButton *duplicate_button;
  GtkButton *up_list_button;
  GtkButton *down_list_button;

  GtkStack *detail_stack;
  GtkButton *up_button;
  GtkLabel *trail_label;
  CbForm *form;
  GPtrArray *trail;          /* of CbEntity: the top-level record, then nested ones */
};

G_DEFINE_FINAL_TYPE (CbCollectionPage, cb_collection_page, ADW_TYPE_BIN)

static const struct {
  const char *field;
  CbKind kind;
  const char *empty_title;
  const char *empty_description;
  const char *add_label;
  const char *new_title;
} pages[] = {
  { "courses", CB_KIND_COURSE, N_("No Courses Yet"),
    N_("Add the courses of the program, then their objectives, modules and assessments."),
    N_("Add Course"), N_("New course") },
  { "skills", CB_KIND_SKILL, N_("No Skill Needs Yet"),
    N_("Record the skills industry needs, how important each is and who asked for it."),
    N_("Add Skill Need"), N_("New skill") },
  { "outcomes", CB_KIND_OUTCOME, N_("No Graduation Requirements Yet"),
    N_("Add the program's graduation requirements and split each into indicators."),
    N_("Add Requirement"), N_("New graduation requirement") },
  { "people", CB_KIND_PERSON, N_("No People Yet"),
    N_("Add the teachers, enterprise experts and reviewers who build the curriculum."),
    N_("Add Person"), N_("New person") },
  { "partners", CB_KIND_PARTNER, N_("No Partners Yet"),
    N_("Add the enterprises, institutes and training bases you build the curriculum with."),
    N_("Add Partner"), N_("New partner") },
  { "reviews", CB_KIND_REVIEW, N_("No Reviews Yet"),
    N_("Comments, change requests and approvals on any part of the curriculum appear here."),
    N_("Add Review"), N_("New comment") },
};

static int
page_index (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].field, field) == 0)
      return (int) i;
  return -1;
}

/* What the list shows under a record's name. */
static char *
dup_summary (CbEntity *entity)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *code = NULL;

  switch (cb_entity_get_kind (entity))
    {
    case CB_KIND_COURSE:
      code = cb_entity_get_string (entity, "code");
      if (code)
        g_ptr_array_add (parts, g_strdup (code));
      if (cb_entity_has_field (entity, "credits"))
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (number, sizeof number, "%g", cb_entity_get_number (entity, "credits"));
          /* Translators: a number of credits */
          g_ptr_array_add (parts, g_strdup_printf (_("%s credits"), number));
        }
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u module", "%u modules",
                                                            cb_entity_get_n_children (entity, "modules")),
                                               cb_entity_get_n_children (entity, "modules")));
      break;
    case CB_KIND_SKILL:
      code = cb_entity_get_string (entity, "code");
      if (code)
        g_ptr_array_add (parts, g_strdup (code));
      if (cb_entity_has_field (entity, "importance"))
        /* Translators: how important a skill is to industry, out of 5 */
        g_ptr_array_add (parts, g_strdup_printf (_("importance %d/5"),
                                                 (int) cb_entity_get_int (entity, "importance")));
      if (cb_entity_get_string (entity, "level_required"))
        g_ptr_array_add (parts, g_strdup (cb_value_get_label (cb_entity_get_string (entity, "level_required"))));
      break;
    case CB_KIND_OUTCOME:
      /* The code is in the title already. */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators",
                                                            cb_entity_get_n_children (entity, "indicators")),
                                               cb_entity_get_n_children (entity, "indicators")));
      break;
    case CB_KIND_PERSON:
      {
        CbProject *project = cb_entity_get_project (entity);
        CbEntity *organization = project ? cb_project_lookup (project, cb_entity_get_string (entity, "organization")) : NULL;

        if (cb_entity_get_string (entity, "role"))
          g_ptr_array_add (parts, g_strdup (cb_value_get_label (cb_entity_get_string (entity, "role"))));
        if (organization)
          g_ptr_array_add (parts, g_strdup (cb_entity_get_display_name (organization)));
      }
      break;
    case CB_KIND_PARTNER:
      if (cb_entity_get_string (entity, "kind"))
        g_ptr_array_add (parts, g_strdup (cb_value_get_label (cb_entity_get_string (entity, "kind"))));
      if (cb_entity_get_string (entity, "region"))
        g_ptr_array_add (parts, g_strdup (cb_entity_get_string (entity, "region")));
      break;
    case CB_KIND_REVIEW:
      {
        CbProject *project = cb_entity_get_project (entity);
        CbEntity *author = project ? cb_project_lookup (project, cb_entity_get_string (entity, "author")) : NULL;
        CbEntity *target = project ? cb_project_lookup (project, cb_entity_get_string (entity, "target")) : NULL;

        if (cb_entity_get_string (entity, "kind"))
          g_ptr_array_add (parts, g_strdup (cb_value_get_label (cb_entity_get_string (entity, "kind"))));
        if (cb_entity_get_string (entity, "status"))
          g_ptr_array_add (parts, g_strdup (cb_value_get_label (cb_entity_get_string (entity, "status"))));
        if (author)
          g_ptr_array_add (parts, g_strdup (cb_entity_get_display_name (author)));
        if (target)
          g_ptr_array_add (parts, g_strdup (cb_entity_get_display_name (target)));
      }
      break;
    default:
      break;
    }

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the facts under a name in a list */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static char *
dup_title (CbEntity *entity)
{
  const char *name = cb_entity_get_display_name (entity);
  const char *code = NULL;

  if (cb_entity_get_kind (entity) == CB_KIND_REVIEW)
    {
      const char *text = cb_entity_get_string (entity, "text");

      if (text != NULL && *text != '\0')
        {
          g_autofree char *line = g_strndup (text, strcspn (text, "\n"));

          return g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), 80));
        }
    }
  if (cb_entity_get_kind (entity) == CB_KIND_OUTCOME)
    code = cb_entity_get_string (entity, "code");
  if (code != NULL && g_strcmp0 (code, name) != 0)
    return g_strdup_printf ("%s %s", code, name);
  return g_strdup (name);
}

/* The list */

static void
update_row (GtkListItem *item)
{
  CbEntity *entity = gtk_list_item_get_item (item);
  g_autofree char *title_text = dup_title (entity);
  g_autofree char *summary = dup_summary (entity);

  cb_two_line_set (gtk_list_item_get_child (item), title_text, summary);
}

static void
on_item_entity_notify (CbEntity    *entity,
                       GParamSpec  *pspec,
                       GtkListItem *item)
{
  update_row (item);
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  gtk_list_item_set_child (item, cb_two_line_new ());
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  CbEntity *entity = gtk_list_item_get_item (item);

  update_row (item);
  g_signal_connect_object (entity, "notify", G_CALLBACK (on_item_entity_notify), item, 0);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  CbEntity *entity = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (entity, on_item_entity_notify, item);
}

static gboolean
filter_match (gpointer item,
              gpointer user_data)
{
  CbCollectionPage *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded_query = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (query == NULL || *query == '\0')
    return TRUE;
  title = dup_title (item);
  summary = dup_summary (item);
  haystack = g_strconcat (title, "\n", summary, "\n",
                          cb_entity_has_field (item, "code") ? cb_entity_get_string (item, "code") ?: "" : "",
                          NULL);
  folded = g_utf8_casefold (haystack, -1);
  folded_query = g_utf8_casefold (query, -1);
  return strstr (folded, folded_query) != NULL;
}

static void
on_search_changed (CbCollectionPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The editor and its trail of nested records */

static void
update_trail (CbCollectionPage *self)
{
  g_autoptr (GString) trail = g_string_new (NULL);
  gboolean nested = self->trail->len > 1;

  for (guint i = 0; i < self->trail->len; i++)
    {
      g_autofree char *title = dup_title (g_ptr_array_index (self->trail, i));

      if (i > 0)
        /* Translators: separates the steps of a trail such as Course › Module */
        g_string_append (trail, _(" › "));
      g_string_append (trail, title);
    }
  gtk_label_set_text (self->trail_label, trail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->up_button), nested);
  gtk_stack_set_visible_child_name (self->detail_stack, self->trail->len > 0 ? "form" : "none");
  cb_form_set_entity (self->form, self->trail->len > 0
                                  ? g_ptr_array_index (self->trail, self->trail->len - 1) : NULL);
}

static void
update_buttons (CbCollectionPage *self)
{
  gboolean has_selection = gtk_single_selection_get_selected_item (self->selection) != NULL;
  gboolean writable = self->project != NULL && !cb_project_get_read_only (self->project);

  CbEntity *selected = gtk_single_selection_get_selected_item (self->selection);
  int position = selected ? cb_entity_get_position (selected) : -1;
  guint n = self->project ? cb_entity_get_n_children (CB_ENTITY (self->project), self->field) : 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), has_selection && writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->duplicate_button), has_selection && writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->up_list_button), writable && position > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_list_button),
                            writable && position >= 0 && (guint) position + 1 < n);
}

static void
on_selection_changed (CbCollectionPage *self)
{
  CbEntity *selected = gtk_single_selection_get_selected_item (self->selection);

  update_buttons (self);
  if (self->trail->len > 0 && g_ptr_array_index (self->trail, 0) == selected)
    return;
  g_ptr_array_set_size (self->trail, 0);
  if (selected != NULL)
    g_ptr_array_add (self->trail, g_object_ref (selected));
  update_trail (self);
}

static void
on_list_activate (CbCollectionPage *self,
                  guint             position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_form_activate_child (CbCollectionPage *self,
                        CbEntity         *child)
{
  g_ptr_array_add (self->trail, g_object_ref (child));
  update_trail (self);
}

static void
on_up_clicked (CbCollectionPage *self)
{
  if (self->trail->len > 1)
    {
      g_ptr_array_set_size (self->trail, self->trail->len - 1);
      update_trail (self);
    }
}

static void
on_back_clicked (CbCollectionPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_empty (CbCollectionPage *self)
{
  GListModel *list = self->project ? cb_project_get_list (self->project, self->field) : NULL;
  gboolean empty = list == NULL || g_list_model_get_n_items (list) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

/* Drops records from the trail that are no longer in the project (after a
 * removal or an undo), keeping the editor on something that exists. */
static void
on_project_changed (CbCollectionPage *self)
{
  guint keep = 0;

  update_empty (self);
  while (keep < self->trail->len &&
         cb_entity_get_project (g_ptr_array_index (self->trail, keep)) == self->project)
    keep++;
  if (keep < self->trail->len)
    {
      g_ptr_array_set_size (self->trail, keep);
      update_trail (self);
    }
  update_buttons (self);
}

/* Adding, duplicating, removing */

static void
show_toast (CbCollectionPage *self,
            const char       *title,
            gboolean          with_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static gboolean
select_entity (CbCollectionPage *self,
               CbEntity         *entity)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CbEntity) item = g_list_model_get_item (model, i);

      if (item == entity)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * cb_collection_page_add:
 *
 * Adds a new record at the end of the list and opens it.
 */
void
cb_collection_page_add (CbCollectionPage *self)
{
  int index = page_index (self->field);
  g_autoptr (CbEntity) entity = NULL;
  const CbKindDef *def;

  g_return_if_fail (CB_IS_COLLECTION_PAGE (self));
  if (self->project == NULL || cb_project_get_read_only (self->project) || index < 0)
    return;

  entity = cb_entity_new_with_id (self->kind);
  def = cb_kind_get_def (self->kind);
  cb_project_begin_group (self->project, _(pages[index].add_label));
  if (def->title_field >= 0 && self->kind != CB_KIND_REVIEW)
    cb_entity_set_string (entity, def->fields[def->title_field].name, _(pages[index].new_title));
  if (self->kind == CB_KIND_REVIEW)
    {
      g_autofree char *now = cb_timestamp_now ();
      const char *author = cb_identity_ensure_person (self->project);

      /* Signed by the user, under their own name and organization. */
      if (author != NULL)
        cb_entity_set_string (entity, "author", author);
      cb_entity_set_string (entity, "created", now);
      cb_entity_set_string (entity, "kind", "comment");
      cb_entity_set_string (entity, "status", "open");
    }
  if (self->kind == CB_KIND_COURSE)
    cb_entity_set_string (entity, "status", "draft");
  cb_entity_append_child (CB_ENTITY (self->project), self->field, entity);
  cb_project_end_group (self->project);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  select_entity (self, entity);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  cb_form_focus_field (self->form, def->title_field >= 0 ? def->fields[def->title_field].name : NULL);
}

static void
on_duplicate_clicked (CbCollectionPage *self)
{
  CbEntity *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (CbEntity) copy = NULL;
  int position;

  if (selected == NULL || self->project == NULL)
    return;
  position = cb_entity_get_position (selected);
  copy = cb_entity_duplicate (selected);
  cb_project_begin_group (self->project, _("Duplicate"));
  cb_entity_insert_child (CB_ENTITY (self->project), self->field, (guint) position + 1, copy);
  cb_project_end_group (self->project);
  select_entity (self, copy);
}

/**
 * cb_collection_page_move:
 * @delta: -1 for up, 1 for down
 *
 * Moves the chosen record up or down the list (the order is the
 * program's: courses by semester, say); a recorded edit.
 */
void
cb_collection_page_move (CbCollectionPage *self,
                         int               delta)
{
  CbEntity *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (CbEntity) keep = NULL;
  int position;
  guint n;

  if (selected == NULL || self->project == NULL || cb_project_get_read_only (self->project))
    return;
  keep = g_object_ref (selected);
  position = cb_entity_get_position (selected);
  n = cb_entity_get_n_children (CB_ENTITY (self->project), self->field);
  if (position < 0 || position + delta < 0 || (guint) (position + delta) >= n)
    return;
  cb_entity_move_child (CB_ENTITY (self->project), self->field, (guint) position, (guint) (position + delta));
  select_entity (self, keep);
  update_buttons (self);
}

static void
on_up_list_clicked (CbCollectionPage *self)
{
  cb_collection_page_move (self, -1);
}

static void
on_down_list_clicked (CbCollectionPage *self)
{
  cb_collection_page_move (self, 1);
}

static gboolean
on_move_shortcut (GtkWidget *widget,
                  GVariant  *arguments,
                  gpointer   user_data)
{
  cb_collection_page_move (CB_COLLECTION_PAGE (user_data), g_variant_get_int32 (arguments));
  return TRUE;
}

static void
on_remove_clicked (CbCollectionPage *self)
{
  CbEntity *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (selected == NULL || self->project == NULL)
    return;
  title = dup_title (selected);
  cb_entity_remove (selected);
  /* Translators: shown after removing a record, with an Undo button */
  message = g_markup_printf_escaped (_("“%s” removed"), title);
  show_toast (self, message, TRUE);
}

/* Public */

/**
 * cb_collection_page_show_entity:
 * @entity: a record of this page's list, or nested in one
 * @field: (nullable): the member to focus
 *
 * Selects the top-level record that holds @entity, opens the nested
 * records down to it and focuses @field.
 *
 * Returns: %TRUE if @entity belongs to this page
 */
gboolean
cb_collection_page_show_entity (CbCollectionPage *self,
                                CbEntity         *entity,
                                const char       *field)
{
  g_autoptr (GPtrArray) chain = g_ptr_array_new ();
  CbEntity *top;

  g_return_val_if_fail (CB_IS_COLLECTION_PAGE (self), FALSE);
  g_return_val_if_fail (CB_IS_ENTITY (entity), FALSE);

  /* From the record up to the one in the project's list; records without a
   * page of their own (hours, a mapping) are edited in their parent's form. */
  for (CbEntity *e = entity; e != NULL && !CB_IS_PROJECT (e); e = cb_entity_get_parent (e))
    if (cb_kind_has_id (cb_entity_get_kind (e)) || cb_entity_get_parent (e) == CB_ENTITY (self->project))
      g_ptr_array_insert (chain, 0, e);
  if (chain->len == 0)
    return FALSE;
  top = g_ptr_array_index (chain, 0);
  if (cb_entity_get_parent (top) != CB_ENTITY (self->project) ||
      g_strcmp0 (cb_entity_get_parent_field (top), self->field) != 0)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  select_entity (self, top);
  g_ptr_array_set_size (self->trail, 0);
  for (guint i = 0; i < chain->len; i++)
    {
      CbEntity *e = g_ptr_array_index (chain, i);

      /* Records edited inline in their parent's form end the trail. */
      if (i > 0 && !cb_kind_has_id (cb_entity_get_kind (e)))
        break;
      g_ptr_array_add (self->trail, g_object_ref (e));
    }
  update_trail (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (field != NULL)
    cb_form_focus_field (self->form, field);
  return TRUE;
}

/**
 * cb_collection_page_get_shown:
 *
 * Returns: (transfer none) (nullable): the record in the editor
 */
CbEntity *
cb_collection_page_get_shown (CbCollectionPage *self)
{
  g_return_val_if_fail (CB_IS_COLLECTION_PAGE (self), NULL);
  return self->trail->len > 0 ? g_ptr_array_index (self->trail, self->trail->len - 1) : NULL;
}

const char *
cb_collection_page_get_field (CbCollectionPage *self)
{
  g_return_val_if_fail (CB_IS_COLLECTION_PAGE (self), NULL);
  return self->field;
}

void
cb_collection_page_set_project (CbCollectionPage *self,
                                CbProject        *project)
{
  g_return_if_fail (CB_IS_COLLECTION_PAGE (self));
  g_return_if_fail (project == NULL || CB_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_ptr_array_set_size (self->trail, 0);
  g_set_object (&self->project, project);

  gtk_filter_list_model_set_model (self->filter_model,
                                   project ? cb_project_get_list (project, self->field) : NULL);
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (on_project_changed), self,
                             G_CONNECT_SWAPPED);
  update_empty (self);
  /* Open the first record, as a sidebar list does. */
  if (project != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  on_selection_changed (self);
}

/* Construction */

static GtkWidget *
icon_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
build (CbCollectionPage *self)
{
  int index = page_index (self->field);
  GtkWidget *list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *search_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add_button;
  GtkWidget *scrolled;
  GtkWidget *action_bar;
  GtkWidget *detail_box;
  GtkWidget *trail_box;
  GtkWidget *back_button;
  GtkWidget *empty_add;
  GtkWidget *none_page;
  GtkListItemFactory *factory;
  AdwLeafletPage *page;

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_set_transition_type (self->leaflet, ADW_LEAFLET_TRANSITION_TYPE_SLIDE);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->leaflet));

  /* The list side: as narrow as its names allow; the editor takes the rest. */
  gtk_widget_set_size_request (list_box, 300, -1);
  gtk_widget_set_hexpand (list_box, FALSE);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter the list"), -1);
  g_object_set (self->search_entry, "placeholder-text", _("Filter"), NULL);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_margin_top (search_box, 6);
  gtk_widget_set_margin_bottom (search_box, 6);
  gtk_widget_set_margin_start (search_box, 6);
  gtk_widget_set_margin_end (search_box, 6);
  gtk_box_append (GTK_BOX (search_box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (list_box), search_box);

  self->filter = gtk_custom_filter_new (filter_match, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                      factory));
  gtk_widget_set_hexpand (GTK_WIDGET (self->list_view), FALSE);
  gtk_list_view_set_single_click_activate (self->list_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  index >= 0 ? cb_field_get_label (CB_KIND_PROJECT, self->field) : self->field,
                                  -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_list_activate), self,
                           G_CONNECT_SWAPPED);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  if (index >= 0)
    {
      adw_status_page_set_title (self->empty_page, _(pages[index].empty_title));
      adw_status_page_set_description (self->empty_page, _(pages[index].empty_description));
    }
  adw_status_page_set_icon_name (self->empty_page, "list-add-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
  empty_add = gtk_button_new_with_mnemonic (index >= 0 ? _(pages[index].add_label) : _("_Add"));
  gtk_widget_set_halign (empty_add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (empty_add, "pill");
  gtk_widget_add_css_class (empty_add, "suggested-action");
  g_signal_connect_object (empty_add, "clicked", G_CALLBACK (cb_collection_page_add), self,
                           G_CONNECT_SWAPPED);
  adw_status_page_set_child (self->empty_page, empty_add);

  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->list_stack, scrolled, "list");
  gtk_stack_add_named (self->list_stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  gtk_box_append (GTK_BOX (list_box), GTK_WIDGET (self->list_stack));

  action_bar = gtk_action_bar_new ();
  add_button = icon_button ("list-add-symbolic", index >= 0 ? _(pages[index].add_label) : _("Add"));
  g_signal_connect_object (add_button, "clicked", G_CALLBACK (cb_collection_page_add), self,
                           G_CONNECT_SWAPPED);
  self->duplicate_button = GTK_BUTTON (icon_button ("edit-copy-symbolic", _("Duplicate")));
  g_signal_connect_object (self->duplicate_button, "clicked", G_CALLBACK (on_duplicate_clicked), self,
                           G_CONNECT_SWAPPED);
  self->remove_button = GTK_BUTTON (icon_button ("user-trash-symbolic", _("Remove")));
  g_signal_connect_object (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self,
                           G_CONNECT_SWAPPED);
  self->up_list_button = GTK_BUTTON (icon_button ("go-up-symbolic", _("Move Up")));
  g_signal_connect_object (self->up_list_button, "clicked", G_CALLBACK (on_up_list_clicked), self,
                           G_CONNECT_SWAPPED);
  self->down_list_button = GTK_BUTTON (icon_button ("go-down-symbolic", _("Move Down")));
  g_signal_connect_object (self->down_list_button, "clicked", G_CALLBACK (on_down_list_clicked), self,
                           G_CONNECT_SWAPPED);
  gtk_action_bar_pack_start (GTK_ACTION_BAR (action_bar), add_button);
  gtk_action_bar_pack_start (GTK_ACTION_BAR (action_bar), GTK_WIDGET (self->duplicate_button));
  gtk_action_bar_pack_start (GTK_ACTION_BAR (action_bar), GTK_WIDGET (self->up_list_button));
  gtk_action_bar_pack_start (GTK_ACTION_BAR (action_bar), GTK_WIDGET (self->down_list_button));

  /* Alt+Up and Alt+Down move the chosen record, as in the editor's lists. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                       gtk_callback_action_new (on_move_shortcut, self, NULL), "i", -1));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                       gtk_callback_action_new (on_move_shortcut, self, NULL), "i", 1));
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);
  }
  gtk_action_bar_pack_end (GTK_ACTION_BAR (action_bar), GTK_WIDGET (self->remove_button));
  gtk_box_append (GTK_BOX (list_box), action_bar);

  page = adw_leaflet_append (self->leaflet, list_box);
  adw_leaflet_page_set_name (page, "list");
  page = adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);

  /* The editor side */
  detail_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (detail_box, TRUE);
  trail_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (trail_box, 6);
  gtk_widget_set_margin_bottom (trail_box, 6);
  gtk_widget_set_margin_start (trail_box, 6);
  gtk_widget_set_margin_end (trail_box, 6);
  back_button = icon_button ("go-previous-symbolic", _("Back to the List"));
  g_object_bind_property (self->leaflet, "folded", back_button, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (back_button, "clicked", G_CALLBACK (on_back_clicked), self, G_CONNECT_SWAPPED);
  self->up_button = GTK_BUTTON (icon_button ("go-up-symbolic", _("Back to the Enclosing Record")));
  g_signal_connect_object (self->up_button, "clicked", G_CALLBACK (on_up_clicked), self, G_CONNECT_SWAPPED);
  self->trail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->trail_label, 0);
  gtk_label_set_ellipsize (self->trail_label, PANGO_ELLIPSIZE_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->trail_label), "heading");
  gtk_box_append (GTK_BOX (trail_box), back_button);
  gtk_box_append (GTK_BOX (trail_box), GTK_WIDGET (self->up_button));
  gtk_box_append (GTK_BOX (trail_box), GTK_WIDGET (self->trail_label));
  gtk_box_append (GTK_BOX (detail_box), trail_box);

  self->form = CB_FORM (cb_form_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->form), TRUE);
  g_signal_connect_object (self->form, "activate-child", G_CALLBACK (on_form_activate_child), self,
                           G_CONNECT_SWAPPED);

  none_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none_page), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none_page), _("Nothing Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none_page), _("Choose an item in the list to edit it."));

  self->detail_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->form), "form");
  gtk_stack_add_named (self->detail_stack, none_page, "none");
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  gtk_widget_set_vexpand (GTK_WIDGET (self->detail_stack), TRUE);
  gtk_box_append (GTK_BOX (detail_box), GTK_WIDGET (self->detail_stack));

  page = adw_leaflet_append (self->leaflet, detail_box);
  adw_leaflet_page_set_name (page, "detail");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  update_trail (self);
  update_buttons (self);
}

static void
cb_collection_page_dispose (GObject *object)
{
  CbCollectionPage *self = CB_COLLECTION_PAGE (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->trail, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (cb_collection_page_parent_class)->dispose (object);
}

static void
cb_collection_page_finalize (GObject *object)
{
  CbCollectionPage *self = CB_COLLECTION_PAGE (object);

  g_free (self->field);

  G_OBJECT_CLASS (cb_collection_page_parent_class)->finalize (object);
}

static void
cb_collection_page_class_init (CbCollectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_collection_page_dispose;
  object_class->finalize = cb_collection_page_finalize;
}

static void
cb_collection_page_init (CbCollectionPage *self)
{
  self->trail = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cb_collection_page_new:
 * @field: the project's list: "courses", "skills", "outcomes", "people",
 *   "partners" or "reviews"
 *
 * Returns: (transfer full): a new page
 */
GtkWidget *
cb_collection_page_new (const char *field)
{
  CbCollectionPage *self;
  int index = page_index (field);

  g_return_val_if_fail (index >= 0, NULL);

  self = g_object_new (CB_TYPE_COLLECTION_PAGE, NULL);
  self->field = g_strdup (field);
  self->kind = pages[index].kind;
  build (self);
  return GTK_WIDGET (self);
}
