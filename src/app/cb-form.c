/* cb-form.c: a schema-driven editor for any record
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CbForm shows one record as an AdwPreferencesPage built from the
 * schema: a first group with the record's simple members, then one group
 * per nested record (OBJECT) and per list of records (LIST). Every widget
 * writes through the core's recorded edits, so undo, the dirty state and
 * validation stay in one place, and follows the model back through the
 * records' property notifications and the lists' items-changed.
 *
 * This file holds the widget itself: building and rebuilding the page,
 * hidden members, focus and scrolling. The bindings (CbFormField) that the
 * rows are built with are in cb-form-field.c.
 */
#define G_LOG_DOMAIN "cb-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cb-form-private.h"

#define SCROLL_MARGIN 24.0

struct _CbForm
{
  AdwBin parent_instance;

  CbEntity *entity;
  CbProject *project;
  gulong read_only_handler;
  char **hidden;
  GtkWidget *page;
  GHashTable *candidates;    /* key → CbRefCandidates, shared by the rows of a page */

  /* Scrolling waits until the page has been laid out. */
  GtkAdjustment *scroll_adjustment;
  gulong scroll_handler;
  GtkWidget *scroll_target;  /* weak; NULL: restore scroll_value */
  double scroll_value;
};

G_DEFINE_FINAL_TYPE (CbForm, cb_form, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ENTITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE_CHILD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Small helpers */

CbProject *
_cb_form_get_project (CbForm *self)
{
  return self->project;
}

gboolean
_cb_form_is_read_only (CbForm *self)
{
  return self->project != NULL && cb_project_get_read_only (self->project);
}

/**
 * _cb_form_get_candidates:
 *
 * Members with the same candidates (every module-skill row of a module)
 * share one model for the life of the page.
 *
 * Returns: (transfer none): the records @def may name from @owner
 */
CbRefCandidates *
_cb_form_get_candidates (CbForm           *self,
                         CbEntity         *owner,
                         const CbFieldDef *def)
{
  g_autofree char *key = cb_ref_candidates_dup_key (owner, def);
  CbRefCandidates *candidates = g_hash_table_lookup (self->candidates, key);

  if (candidates == NULL)
    {
      candidates = cb_ref_candidates_new (owner, def);
      g_hash_table_insert (self->candidates, g_steal_pointer (&key), candidates);
    }
  return candidates;
}

void
_cb_form_emit_activate_child (CbForm   *self,
                              CbEntity *child)
{
  g_signal_emit (self, signals[ACTIVATE_CHILD], 0, child);
}

void
_cb_form_show_toast (CbForm     *self,
                     const char *title,
                     gboolean    with_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  /* A toast's title is markup; record names are not. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
_cb_form_break_coalescing (CbForm *self)
{
  if (self->project != NULL)
    cb_project_break_coalescing (self->project);
}

static GtkWidget *
find_descendant_of_type (GtkWidget *widget,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_tagged (GtkWidget  *widget,
             const char *path)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *tag = g_object_get_data (G_OBJECT (child), CB_FORM_PATH_KEY);
      GtkWidget *found;

      if (tag != NULL && strcmp (tag, path) == 0)
        return child;
      found = find_tagged (child, path);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Scrolling */

static GtkScrolledWindow *
get_scrolled_window (CbForm *self)
{
  if (self->page == NULL)
    return NULL;
  return GTK_SCROLLED_WINDOW (find_descendant_of_type (self->page, GTK_TYPE_SCROLLED_WINDOW));
}

static void
cancel_scroll (CbForm *self)
{
  if (self->scroll_adjustment != NULL)
    g_clear_signal_handler (&self->scroll_handler, self->scroll_adjustment);
  g_clear_object (&self->scroll_adjustment);
  g_clear_weak_pointer (&self->scroll_target);
}

/* Returns: %TRUE when done, %FALSE when the page is not laid out yet */
static gboolean
try_scroll (CbForm *self)
{
  GtkScrolledWindow *scrolled = get_scrolled_window (self);
  GtkAdjustment *adjustment;
  GtkWidget *content;
  graphene_rect_t bounds;
  double value, page_size, top, bottom;

  if (scrolled == NULL)
    return TRUE;
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  page_size = gtk_adjustment_get_page_size (adjustment);
  if (page_size <= 0)
    return FALSE;

  if (self->scroll_target == NULL)
    {
      gtk_adjustment_set_value (adjustment, self->scroll_value);
      return gtk_adjustment_get_upper (adjustment) >= self->scroll_value + page_size;
    }

  content = gtk_scrolled_window_get_child (scrolled);
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL ||
      !gtk_widget_compute_bounds (self->scroll_target, content, &bounds) ||
      bounds.size.height <= 0)
    return FALSE;

  value = gtk_adjustment_get_value (adjustment);
  top = bounds.origin.y - SCROLL_MARGIN;
  /* A row taller than the page shows its top. */
  bottom = bounds.origin.y + MIN (bounds.size.height, page_size - 2 * SCROLL_MARGIN)
           + SCROLL_MARGIN;
  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page_size)
    gtk_adjustment_set_value (adjustment, bottom - page_size);
  return TRUE;
}

static void
on_scroll_adjustment_changed (CbForm *self)
{
  if (try_scroll (self))
    cancel_scroll (self);
}

/* Scrolls @target into view, or back to @value when @target is NULL, as
 * soon as the page has been laid out. */
static void
queue_scroll (CbForm    *self,
              GtkWidget *target,
              double     value)
{
  GtkScrolledWindow *scrolled;

  cancel_scroll (self);
  g_set_weak_pointer (&self->scroll_target, target);
  self->scroll_value = value;
  if (try_scroll (self))
    {
      cancel_scroll (self);
      return;
    }
  scrolled = get_scrolled_window (self);
  self->scroll_adjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (scrolled));
  self->scroll_handler = g_signal_connect_swapped (self->scroll_adjustment, "changed",
                                                   G_CALLBACK (on_scroll_adjustment_changed), self);
}

void
_cb_form_scroll_to (CbForm    *self,
                    GtkWidget *widget)
{
  queue_scroll (self, widget, 0);
}

/* Building */

static gboolean
is_nested (const CbFieldDef *def)
{
  return def->type == CB_FIELD_OBJECT || def->type == CB_FIELD_LIST;
}

static gboolean
is_hidden (CbForm     *self,
           const char *prefix,
           const char *name)
{
  return prefix == NULL && self->hidden != NULL &&
         g_strv_contains ((const char * const *) self->hidden, name);
}

static char *
join_path (const char *prefix,
           const char *name)
{
  return prefix != NULL ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);
}

/* The first member a person edits in a record of @kind. */
static const char *
first_simple_member (CbKind kind)
{
  const CbKindDef *kdef = cb_kind_get_def (kind);

  for (guint i = 0; i < kdef->n_fields; i++)
    if (!is_nested (&kdef->fields[i]) && kdef->fields[i].type != CB_FIELD_ID)
      return kdef->fields[i].name;
  return NULL;
}

static guint
add_simple_rows (CbForm              *self,
                 AdwPreferencesGroup *group,
                 CbEntity            *entity,
                 const char          *prefix)
{
  const CbKindDef *kdef = cb_entity_get_kind_def (entity);
  guint n_rows = 0;

  for (guint i = 0; i < kdef->n_fields; i++)
    {
      const CbFieldDef *def = &kdef->fields[i];
      g_autofree char *path = NULL;
      GtkWidget *row;

      if (is_nested (def) || def->type == CB_FIELD_ID || is_hidden (self, prefix, def->name))
        continue;
      row = _cb_form_build_row (self, entity, def);
      if (row == NULL)
        continue;
      path = join_path (prefix, def->name);
      _cb_form_tag (row, path, NULL);
      adw_preferences_group_add (group, row);
      n_rows++;
    }
  return n_rows;
}

static void add_nested_groups (CbForm             *self,
                               AdwPreferencesPage *page,
                               CbEntity           *entity,
                               const char         *prefix);

static void
on_object_notify (CbEntity    *entity,
                  GParamSpec  *pspec,
                  CbFormField *field)
{
  /* The record appeared or went: the groups after it change too. This
   * frees @field, so nothing may follow. */
  _cb_form_rebuild (field->form, NULL);
}

static void
on_add_object_clicked (GtkButton   *button,
                       CbFormField *field)
{
  CbForm *form = field->form;
  g_autoptr (CbEntity) entity = g_object_ref (field->entity);
  g_autofree char *path = g_strdup (field->data);
  const CbFieldDef *def = field->def;
  const char *first = first_simple_member (def->child_kind);

  /* Rebuilds the page (see on_object_notify()): @field is gone after this. */
  cb_entity_ensure_object (entity, def->name);
  if (first != NULL)
    {
      g_autofree char *focus_path = join_path (path, first);

      cb_form_focus_field (form, focus_path);
    }
}

static void
on_remove_object_clicked (GtkButton   *button,
                          CbFormField *field)
{
  CbForm *form = field->form;
  /* Translators: shown after removing a record, with an Undo button */
  g_autofree char *message = g_strdup_printf (_("“%s” removed"),
                                              _cb_form_field_get_label (field));

  cb_entity_unset (field->entity, field->def->name);
  _cb_form_show_toast (form, message, TRUE);
}

/* A nested record: its simple members in a group of their own, or a
 * button that creates it. */
static void
add_object_group (CbForm             *self,
                  AdwPreferencesPage *page,
                  CbEntity           *entity,
                  const CbFieldDef   *def,
                  const char         *path)
{
  GtkWidget *group = adw_preferences_group_new ();
  CbEntity *object = cb_entity_get_object (entity, def->name);
  const char *label = cb_field_get_label (cb_entity_get_kind (entity), def->name);
  CbFormField *field;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), label);
  _cb_form_tag (group, path, NULL);
  field = _cb_form_field_new (self, entity, def, group);
  field->data = g_strdup (path);
  field->data_free = g_free;
  _cb_form_field_connect_notify (field, G_CALLBACK (on_object_notify));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  if (object != NULL)
    {
      /* Translators: the accessible name of a button; %s is a section such as "Hours" */
      g_autofree char *accessible = g_strdup_printf (_("Remove %s"), label);
      GtkWidget *remove = _cb_form_icon_button ("user-trash-symbolic", _("Remove"), accessible);

      gtk_widget_set_sensitive (remove, !_cb_form_is_read_only (self));
      _cb_form_field_connect (field, remove, "clicked",
                              G_CALLBACK (on_remove_object_clicked), TRUE);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), remove);
      add_simple_rows (self, ADW_PREFERENCES_GROUP (group), object, path);
      _cb_form_attach_sum (self, entity, def, group);
      add_nested_groups (self, page, object, path);
    }
  else
    {
      /* Translators: a button that creates a section; %s is its name, such as "Hours" */
      g_autofree char *text = g_strdup_printf (_("Add %s"), label);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), text);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_sensitive (button, !_cb_form_is_read_only (self));
      _cb_form_field_connect (field, button, "clicked", G_CALLBACK (on_add_object_clicked), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
      _cb_form_tag (group, NULL, button);
      _cb_form_attach_sum (self, entity, def, group);
    }
}

static void
add_nested_groups (CbForm             *self,
                   AdwPreferencesPage *page,
                   CbEntity           *entity,
                   const char         *prefix)
{
  const CbKindDef *kdef = cb_entity_get_kind_def (entity);

  for (guint i = 0; i < kdef->n_fields; i++)
    {
      const CbFieldDef *def = &kdef->fields[i];
      g_autofree char *path = NULL;

      if (!is_nested (def) || is_hidden (self, prefix, def->name))
        continue;
      path = join_path (prefix, def->name);
      if (def->type == CB_FIELD_OBJECT)
        add_object_group (self, page, entity, def, path);
      else
        adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (
                                    _cb_form_build_list_group (self, entity, def, path)));
    }
}

static void
rebuild (CbForm     *self,
         gboolean    keep_scroll,
         const char *focus_path)
{
  GtkScrolledWindow *scrolled = get_scrolled_window (self);
  double value = 0;
  GtkWidget *page;

  if (keep_scroll && scrolled != NULL)
    value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled));
  cancel_scroll (self);
  g_hash_table_remove_all (self->candidates);

  page = adw_preferences_page_new ();
  self->page = page;
  if (self->entity != NULL)
    {
      GtkWidget *group = adw_preferences_group_new ();

      if (add_simple_rows (self, ADW_PREFERENCES_GROUP (group), self->entity, NULL) > 0)
        adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
      else
        g_object_unref (g_object_ref_sink (group));
      add_nested_groups (self, ADW_PREFERENCES_PAGE (page), self->entity, NULL);
    }
  /* The old page and every binding on it go here. */
  adw_bin_set_child (ADW_BIN (self), page);

  if (value > 0)
    queue_scroll (self, NULL, value);
  if (focus_path != NULL)
    cb_form_focus_field (self, focus_path);
}

/* Builds the page again, keeping the scroll position, for changes that
 * move groups (a nested record added or removed, read-only toggled). */
void
_cb_form_rebuild (CbForm     *self,
                  const char *focus_path)
{
  rebuild (self, TRUE, focus_path);
}

static void
on_read_only_changed (CbForm *self)
{
  rebuild (self, TRUE, NULL);
}

static void
set_project (CbForm    *self,
             CbProject *project)
{
  if (self->project == project)
    return;
  if (self->project != NULL)
    g_clear_signal_handler (&self->read_only_handler, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->read_only_handler = g_signal_connect_swapped (project, "notify::read-only",
                                                        G_CALLBACK (on_read_only_changed), self);
}

/* GObject */

static void
cb_form_dispose (GObject *object)
{
  CbForm *self = CB_FORM (object);

  cancel_scroll (self);
  set_project (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->page = NULL;
  g_hash_table_remove_all (self->candidates);
  g_clear_object (&self->entity);

  G_OBJECT_CLASS (cb_form_parent_class)->dispose (object);
}

static void
cb_form_finalize (GObject *object)
{
  CbForm *self = CB_FORM (object);

  g_hash_table_unref (self->candidates);
  g_strfreev (self->hidden);

  G_OBJECT_CLASS (cb_form_parent_class)->finalize (object);
}

static void
cb_form_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CbForm *self = CB_FORM (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      g_value_set_object (value, self->entity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_form_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CbForm *self = CB_FORM (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      cb_form_set_entity (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_form_class_init (CbFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_form_dispose;
  object_class->finalize = cb_form_finalize;
  object_class->get_property = cb_form_get_property;
  object_class->set_property = cb_form_set_property;

  /**
   * CbForm:entity:
   *
   * The record the form edits, or %NULL.
   */
  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL, CB_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CbForm::activate-child:
   * @child: the nested record
   *
   * Emitted when the user opens a nested record of a list (a module of a
   * course), or has just added one, so that a page can show it.
   */
  signals[ACTIVATE_CHILD] = g_signal_new ("activate-child", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, CB_TYPE_ENTITY);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "cbform");
}

/* The little the form's look needs beyond libadwaita's classes. */
static void
ensure_style (void)
{
  static gboolean installed;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GtkCssProvider) provider = NULL;

  if (installed || display == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "cbform dropdown.cb-inline > button { font-weight: normal; }\n",
                                   -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  installed = TRUE;
}

static void
cb_form_init (CbForm *self)
{
  ensure_style ();
  self->candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  rebuild (self, FALSE, NULL);
}

/* Public */

/**
 * cb_form_new:
 *
 * Returns: (transfer floating): an empty form
 */
GtkWidget *
cb_form_new (void)
{
  return g_object_new (CB_TYPE_FORM, NULL);
}

/**
 * cb_form_set_entity:
 * @entity: (nullable): the record to edit
 *
 * Shows @entity: its simple members in a first group, then a group per
 * nested record and per list of records, in the order of the format.
 */
void
cb_form_set_entity (CbForm   *self,
                    CbEntity *entity)
{
  g_return_if_fail (CB_IS_FORM (self));
  g_return_if_fail (entity == NULL || CB_IS_ENTITY (entity));

  if (self->entity == entity)
    return;
  g_set_object (&self->entity, entity);
  set_project (self, entity != NULL ? cb_entity_get_project (entity) : NULL);
  rebuild (self, FALSE, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
}

/**
 * cb_form_get_entity:
 *
 * Returns: (transfer none) (nullable): the record the form edits
 */
CbEntity *
cb_form_get_entity (CbForm *self)
{
  g_return_val_if_fail (CB_IS_FORM (self), NULL);
  return self->entity;
}

/**
 * cb_form_set_hidden_fields:
 * @fields: (nullable) (array zero-terminated=1): members of the record not
 *   to show (the project's lists, which have pages of their own)
 */
void
cb_form_set_hidden_fields (CbForm             *self,
                           const char * const *fields)
{
  g_return_if_fail (CB_IS_FORM (self));

  if (self->hidden == NULL && fields == NULL)
    return;
  if (self->hidden != NULL && fields != NULL &&
      g_strv_equal ((const char * const *) self->hidden, fields))
    return;
  g_strfreev (self->hidden);
  self->hidden = g_strdupv ((char **) fields);
  rebuild (self, TRUE, NULL);
}

/**
 * cb_form_get_hidden_fields:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the
 *   members not shown
 */
const char * const *
cb_form_get_hidden_fields (CbForm *self)
{
  g_return_val_if_fail (CB_IS_FORM (self), NULL);
  return (const char * const *) self->hidden;
}

/**
 * cb_form_get_row_for_field:
 * @field: a member of the record, or a member of one of its nested records
 *   ("hours.theory")
 *
 * Returns: (transfer none) (nullable): the row that edits @field (the
 *   group, for a nested record or a list), or %NULL when it is not shown
 */
GtkWidget *
cb_form_get_row_for_field (CbForm     *self,
                           const char *field)
{
  g_return_val_if_fail (CB_IS_FORM (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (self->page == NULL)
    return NULL;
  return find_tagged (self->page, field);
}

/**
 * cb_form_focus_field:
 * @field: (nullable): a member as for cb_form_get_row_for_field()
 *
 * Scrolls the row of @field into view and moves the keyboard focus to it.
 *
 * Returns: %TRUE if the member is shown
 */
gboolean
cb_form_focus_field (CbForm     *self,
                     const char *field)
{
  GtkWidget *row;
  GtkWidget *target;
  GtkWidget *focus;

  g_return_val_if_fail (CB_IS_FORM (self), FALSE);

  if (field == NULL)
    return FALSE;
  row = cb_form_get_row_for_field (self, field);
  if (row == NULL || !gtk_widget_get_visible (row))
    return FALSE;

  /* A group (a nested record, a list) takes the focus in its first row. */
  target = row;
  if (ADW_IS_PREFERENCES_GROUP (row) &&
      g_object_get_data (G_OBJECT (row), CB_FORM_FOCUS_KEY) == NULL)
    {
      GtkWidget *first = find_descendant_of_type (row, GTK_TYPE_LIST_BOX_ROW);

      if (first != NULL)
        target = first;
    }
  focus = g_object_get_data (G_OBJECT (target), CB_FORM_FOCUS_KEY);
  if ((focus == NULL || !gtk_widget_grab_focus (focus)) && !gtk_widget_grab_focus (target))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
  queue_scroll (self, row, 0);
  return TRUE;
}
