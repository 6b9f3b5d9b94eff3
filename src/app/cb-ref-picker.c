/* cb-ref-picker.c: choosing records that a reference may name
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reference member (a module's skill, a support's indicator, a course's
 * prerequisites) may name thousands of records: a project imported from a
 * skill framework holds eight thousand skills. The candidates are therefore
 * a GListModel that holds only pointers and makes its items when a view asks
 * for them, and the views that show them (AdwComboRow, GtkDropDown, the
 * picker's GtkListView) are virtualised.
 */
#define G_LOG_DOMAIN "cb-ref-picker"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cb-ref-picker.h"

#define LABEL_MAX_CHARS 72

/* CbRefItem */

struct _CbRefItem
{
  GObject parent_instance;

  CbEntity *entity;   /* NULL for "None" and for a missing record */
  char *id;           /* NULL for "None" */
};

G_DEFINE_FINAL_TYPE (CbRefItem, cb_ref_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_LABEL,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
cb_ref_item_finalize (GObject *object)
{
  CbRefItem *self = CB_REF_ITEM (object);

  g_clear_object (&self->entity);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (cb_ref_item_parent_class)->finalize (object);
}

static void
cb_ref_item_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CbRefItem *self = CB_REF_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_LABEL:
      g_value_take_string (value, cb_ref_item_dup_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_ref_item_class_init (CbRefItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cb_ref_item_finalize;
  object_class->get_property = cb_ref_item_get_property;

  /* Computed when read, so a view that binds again shows a renamed record's
   * new name. */
  item_properties[ITEM_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
cb_ref_item_init (CbRefItem *self)
{
}

/**
 * cb_ref_item_new_for_entity:
 * @entity: a record with an id
 *
 * Returns: (transfer full): an item naming @entity
 */
CbRefItem *
cb_ref_item_new_for_entity (CbEntity *entity)
{
  CbRefItem *self;

  g_return_val_if_fail (CB_IS_ENTITY (entity), NULL);

  self = g_object_new (CB_TYPE_REF_ITEM, NULL);
  self->entity = g_object_ref (entity);
  self->id = g_strdup (cb_entity_get_id (entity));
  return self;
}

/**
 * cb_ref_item_new_none:
 *
 * Returns: (transfer full): the item that stands for "no reference"
 */
CbRefItem *
cb_ref_item_new_none (void)
{
  return g_object_new (CB_TYPE_REF_ITEM, NULL);
}

/**
 * cb_ref_item_new_missing:
 * @id: an id that names no record of the project
 *
 * Returns: (transfer full): an item that keeps a dangling reference visible
 */
CbRefItem *
cb_ref_item_new_missing (const char *id)
{
  CbRefItem *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CB_TYPE_REF_ITEM, NULL);
  self->id = g_strdup (id);
  return self;
}

/**
 * cb_ref_item_get_id:
 *
 * Returns: (nullable): the id the item stands for; %NULL for "None"
 */
const char *
cb_ref_item_get_id (CbRefItem *self)
{
  g_return_val_if_fail (CB_IS_REF_ITEM (self), NULL);
  return self->id;
}

/**
 * cb_ref_item_get_entity:
 *
 * Returns: (transfer none) (nullable): the record, %NULL for "None" and
 *   for a missing record
 */
CbEntity *
cb_ref_item_get_entity (CbRefItem *self)
{
  g_return_val_if_fail (CB_IS_REF_ITEM (self), NULL);
  return self->entity;
}

gboolean
cb_ref_item_is_missing (CbRefItem *self)
{
  g_return_val_if_fail (CB_IS_REF_ITEM (self), FALSE);
  return self->entity == NULL && self->id != NULL;
}

/**
 * cb_ref_item_dup_label:
 *
 * Returns: (transfer full): what to show for the item
 */
char *
cb_ref_item_dup_label (CbRefItem *self)
{
  g_return_val_if_fail (CB_IS_REF_ITEM (self), NULL);

  if (self->entity != NULL)
    return cb_ref_dup_label (self->entity);
  if (self->id != NULL)
    /* Translators: a reference to a record that is not in the project; %s is its id. */
    return g_strdup_printf (_("Missing: %s"), self->id);
  return g_strdup (_("None"));
}

/* Labels */

/* One line of at most @max characters. */
static char *
shorten (const char *text,
         glong       max)
{
  g_autofree char *line = NULL;
  char *p;

  if (text == NULL)
    return NULL;
  line = g_strdup (text);
  for (p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) <= max)
    return g_steal_pointer (&line);
  {
    g_autofree char *head = g_utf8_substring (line, 0, max - 1);

    g_strchomp (head);
    return g_strconcat (head, "…", NULL);
  }
}

static void
append_part (GString    *label,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (label->len > 0)
    g_string_append_c (label, ' ');
  g_string_append (label, part);
}

/**
 * cb_ref_dup_label:
 * @entity: a record
 *
 * Names a record in a list of choices, with the codes people know it by:
 * "GR3 3.2 Specify control logic…" for an indicator, "CO1 Explain…" for a
 * course objective.
 *
 * Returns: (transfer full): the label
 */
char *
cb_ref_dup_label (CbEntity *entity)
{
  GString *label;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CB_IS_ENTITY (entity), NULL);

  label = g_string_new (NULL);
  switch (cb_entity_get_kind (entity))
    {
    case CB_KIND_INDICATOR:
      {
        CbEntity *outcome = cb_entity_get_ancestor (entity, CB_KIND_OUTCOME);

        if (outcome != NULL)
          append_part (label, cb_entity_get_string (outcome, "code"));
        append_part (label, cb_entity_get_string (entity, "code"));
        text = shorten (cb_entity_get_string (entity, "text"), LABEL_MAX_CHARS);
        append_part (label, text);
      }
      break;
    case CB_KIND_OBJECTIVE:
      append_part (label, cb_entity_get_string (entity, "code"));
      text = shorten (cb_entity_get_string (entity, "text"), LABEL_MAX_CHARS);
      append_part (label, text);
      break;
    case CB_KIND_OUTCOME:
    case CB_KIND_SKILL:
    case CB_KIND_COURSE:
      append_part (label, cb_entity_get_string (entity, "code"));
      text = shorten (cb_entity_get_string (entity, "title"), LABEL_MAX_CHARS);
      append_part (label, text);
      break;
    case CB_KIND_PROJECT:
    case CB_KIND_INSTITUTION:
    case CB_KIND_PROGRAM:
    case CB_KIND_PERSON:
    case CB_KIND_PARTNER:
    case CB_KIND_AGREEMENT:
    case CB_KIND_RESPONSIBILITY:
    case CB_KIND_SKILL_SOURCE:
    case CB_KIND_HOURS:
    case CB_KIND_TEAM_MEMBER:
    case CB_KIND_TEXTBOOK:
    case CB_KIND_SUPPORT:
    case CB_KIND_MODULE:
    case CB_KIND_MODULE_SKILL:
    case CB_KIND_PRACTICAL_PROJECT:
    case CB_KIND_RESOURCE:
    case CB_KIND_ASSESSMENT:
    case CB_KIND_TARGET:
    case CB_KIND_OFFERING:
    case CB_KIND_RESULT:
    case CB_KIND_REVIEW:
    case CB_KIND_REPLY:
    case CB_N_KINDS:
    default:
      break;
    }

  if (label->len == 0)
    {
      text = shorten (cb_entity_get_display_name (entity), LABEL_MAX_CHARS);
      g_string_append (label, text);
    }
  return g_string_free (label, FALSE);
}

/* CbRefCandidates */

struct _CbRefCandidates
{
  GObject parent_instance;

  CbProject *project;
  const CbFieldDef *def;
  CbEntity *course;     /* objectives and assessments: the course they must belong to */
  CbEntity *self_ref;   /* a record that must not name itself (a course's prerequisites) */
  gboolean multi_kind;  /* label items with their kind */

  GPtrArray *entities;  /* of CbEntity, owned */
  GPtrArray *items;     /* of CbRefItem or NULL, made when asked for */
  gboolean updating;

  /* The lists the candidates come from: only their changes can change the
   * candidates, so an edit elsewhere costs nothing. Without them (a
   * reference to any kind of record) every change of the project counts. */
  GPtrArray *sources;   /* of GListModel, owned */
  gboolean any_change;
};

static GType
cb_ref_candidates_get_item_type (GListModel *model)
{
  return CB_TYPE_REF_ITEM;
}

static guint
cb_ref_candidates_get_n_items (GListModel *model)
{
  return CB_REF_CANDIDATES (model)->entities->len;
}

static gpointer
cb_ref_candidates_get_item (GListModel *model,
                            guint       position)
{
  CbRefCandidates *self = CB_REF_CANDIDATES (model);

  if (position >= self->entities->len)
    return NULL;
  if (g_ptr_array_index (self->items, position) == NULL)
    g_ptr_array_index (self->items, position) =
      cb_ref_item_new_for_entity (g_ptr_array_index (self->entities, position));
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
cb_ref_candidates_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cb_ref_candidates_get_item_type;
  iface->get_n_items = cb_ref_candidates_get_n_items;
  iface->get_item = cb_ref_candidates_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CbRefCandidates, cb_ref_candidates, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cb_ref_candidates_model_init))

static void
cb_ref_candidates_dispose (GObject *object)
{
  CbRefCandidates *self = CB_REF_CANDIDATES (object);

  if (self->sources != NULL)
    {
      for (guint i = 0; i < self->sources->len; i++)
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->sources, i), self);
      g_ptr_array_set_size (self->sources, 0);
    }
  g_clear_object (&self->project);
  g_clear_object (&self->course);
  g_clear_object (&self->self_ref);

  G_OBJECT_CLASS (cb_ref_candidates_parent_class)->dispose (object);
}

static void
cb_ref_candidates_finalize (GObject *object)
{
  CbRefCandidates *self = CB_REF_CANDIDATES (object);

  g_ptr_array_unref (self->entities);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->sources);

  G_OBJECT_CLASS (cb_ref_candidates_parent_class)->finalize (object);
}

static void
cb_ref_candidates_class_init (CbRefCandidatesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_ref_candidates_dispose;
  object_class->finalize = cb_ref_candidates_finalize;
}

/* Items are made on demand: most slots stay empty. */
static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
cb_ref_candidates_init (CbRefCandidates *self)
{
  self->entities = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_ptr_array_new_with_free_func (unref_item);
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
}

/* The project's own list of records of @kind, or NULL where records of
 * that kind live deeper in the tree. */
static const char *
top_level_list (CbKind kind)
{
  switch ((int) kind)
    {
    case CB_KIND_PERSON: return "people";
    case CB_KIND_PARTNER: return "partners";
    case CB_KIND_SKILL: return "skills";
    case CB_KIND_OUTCOME: return "outcomes";
    case CB_KIND_COURSE: return "courses";
    case CB_KIND_REVIEW: return "reviews";
    default: return NULL;
    }
}

static gboolean
is_scoped_to_course (const CbFieldDef *def)
{
  /* Objectives and assessments are named only from within their course. */
  for (const CbKind *k = def->ref_kinds; *k != CB_N_KINDS; k++)
    if (*k != CB_KIND_OBJECTIVE && *k != CB_KIND_ASSESSMENT)
      return FALSE;
  return TRUE;
}

static gboolean
all_top_level (const CbFieldDef *def)
{
  for (const CbKind *k = def->ref_kinds; *k != CB_N_KINDS; k++)
    if (top_level_list (*k) == NULL)
      return FALSE;
  return TRUE;
}

static void
add_candidate (CbRefCandidates *self,
               GPtrArray       *out,
               CbEntity        *entity)
{
  if (entity == self->self_ref || cb_entity_get_id (entity) == NULL)
    return;
  g_ptr_array_add (out, g_object_ref (entity));
}

static void
add_list (CbRefCandidates *self,
          GPtrArray       *out,
          CbEntity        *owner,
          const char      *field)
{
  guint n = cb_entity_get_n_children (owner, field);

  g_ptr_array_add (self->sources, g_object_ref (cb_entity_get_children (owner, field)));

  for (guint i = 0; i < n; i++)
    add_candidate (self, out, cb_entity_get_child (owner, field, i));
}

/* Every record of an allowed kind, in document order. */
static void
walk (CbRefCandidates *self,
      GPtrArray       *out,
      CbEntity        *entity)
{
  const CbKindDef *kdef = cb_entity_get_kind_def (entity);

  if (cb_field_allows_kind (self->def, kdef->kind))
    add_candidate (self, out, entity);
  for (guint i = 0; i < kdef->n_fields; i++)
    {
      const CbFieldDef *field = &kdef->fields[i];

      if (field->type == CB_FIELD_OBJECT)
        {
          CbEntity *object = cb_entity_get_object (entity, field->name);

          if (object != NULL)
            walk (self, out, object);
        }
      else if (field->type == CB_FIELD_LIST)
        {
          guint n = cb_entity_get_n_children (entity, field->name);

          for (guint j = 0; j < n; j++)
            walk (self, out, cb_entity_get_child (entity, field->name, j));
        }
    }
}

static GPtrArray *
collect (CbRefCandidates *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  CbEntity *root;

  if (self->project == NULL)
    return out;
  root = CB_ENTITY (self->project);

  if (is_scoped_to_course (self->def))
    {
      if (self->course != NULL && cb_entity_get_project (self->course) == self->project)
        {
          if (cb_field_allows_kind (self->def, CB_KIND_OBJECTIVE))
            add_list (self, out, self->course, "objectives");
          if (cb_field_allows_kind (self->def, CB_KIND_ASSESSMENT))
            add_list (self, out, self->course, "assessments");
        }
    }
  else if (cb_field_allows_kind (self->def, CB_KIND_INDICATOR))
    {
      /* Supports name indicators, or an outcome that has none. */
      guint n = cb_entity_get_n_children (root, "outcomes");

      g_ptr_array_add (self->sources, g_object_ref (cb_entity_get_children (root, "outcomes")));
      for (guint i = 0; i < n; i++)
        {
          CbEntity *outcome = cb_entity_get_child (root, "outcomes", i);

          if (cb_entity_get_n_children (outcome, "indicators") > 0)
            add_list (self, out, outcome, "indicators");
          else if (cb_field_allows_kind (self->def, CB_KIND_OUTCOME))
            add_candidate (self, out, outcome);
        }
    }
  else if (all_top_level (self->def))
    {
      for (const CbKind *k = self->def->ref_kinds; *k != CB_N_KINDS; k++)
        add_list (self, out, root, top_level_list (*k));
    }
  else
    {
      walk (self, out, root);
    }
  return out;
}

/* Replaces the candidates with @fresh, emitting one items-changed for the
 * range that differs; typing in a field changes nothing here. */
static void
update (CbRefCandidates *self,
        GPtrArray       *fresh)
{
  guint n_old = self->entities->len;
  guint n_new = fresh->len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed;
  guint added;

  while (prefix < n_old && prefix < n_new &&
         g_ptr_array_index (self->entities, prefix) == g_ptr_array_index (fresh, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         g_ptr_array_index (self->entities, n_old - 1 - suffix) ==
         g_ptr_array_index (fresh, n_new - 1 - suffix))
    suffix++;
  removed = n_old - prefix - suffix;
  added = n_new - prefix - suffix;
  if (removed == 0 && added == 0)
    return;

  g_ptr_array_remove_range (self->entities, prefix, removed);
  g_ptr_array_remove_range (self->items, prefix, removed);
  for (guint i = 0; i < added; i++)
    {
      g_ptr_array_insert (self->entities, (int) (prefix + i),
                          g_object_ref (g_ptr_array_index (fresh, prefix + i)));
      g_ptr_array_insert (self->items, (int) (prefix + i), NULL);
    }

  self->updating = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  self->updating = FALSE;
}

static void watch_sources (CbRefCandidates *self);

static void
refresh (CbRefCandidates *self)
{
  g_autoptr (GPtrArray) fresh = NULL;

  for (guint i = 0; i < self->sources->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->sources, i), self);
  g_ptr_array_set_size (self->sources, 0);
  fresh = collect (self);
  update (self, fresh);
  watch_sources (self);
}

static void
on_source_changed (CbRefCandidates *self)
{
  refresh (self);
}

static void
on_project_changed (CbRefCandidates *self)
{
  if (self->any_change)
    refresh (self);
}

static void
watch_sources (CbRefCandidates *self)
{
  self->any_change = self->sources->len == 0;
  for (guint i = 0; i < self->sources->len; i++)
    g_signal_connect_object (g_ptr_array_index (self->sources, i), "items-changed",
                             G_CALLBACK (on_source_changed), self, G_CONNECT_SWAPPED);
}

static gboolean
names_own_kind (CbEntity         *owner,
                const CbFieldDef *def)
{
  return cb_field_allows_kind (def, cb_entity_get_kind (owner));
}

/**
 * cb_ref_candidates_dup_key:
 * @owner: the record whose member is edited
 * @def: the reference member
 *
 * Two members with the same key have the same candidates and may share one
 * model.
 *
 * Returns: (transfer full): the key
 */
char *
cb_ref_candidates_dup_key (CbEntity         *owner,
                           const CbFieldDef *def)
{
  GString *key;

  g_return_val_if_fail (CB_IS_ENTITY (owner), NULL);
  g_return_val_if_fail (def != NULL && def->ref_kinds != NULL, NULL);

  key = g_string_new ("kinds");
  for (const CbKind *k = def->ref_kinds; *k != CB_N_KINDS; k++)
    g_string_append_printf (key, ":%d", (int) *k);
  if (cb_field_allows_kind (def, CB_KIND_INDICATOR))
    g_string_append (key, ":indicators");
  if (is_scoped_to_course (def))
    g_string_append_printf (key, " course:%p", cb_entity_get_ancestor (owner, CB_KIND_COURSE));
  if (names_own_kind (owner, def))
    g_string_append_printf (key, " self:%p", owner);
  return g_string_free (key, FALSE);
}

/**
 * cb_ref_candidates_new:
 * @owner: the record whose member is edited (it decides the scope)
 * @def: the reference member
 *
 * Returns: (transfer full): the records @def may name from @owner
 */
CbRefCandidates *
cb_ref_candidates_new (CbEntity         *owner,
                       const CbFieldDef *def)
{
  CbRefCandidates *self;
  g_autoptr (GPtrArray) fresh = NULL;
  guint n_kinds = 0;

  g_return_val_if_fail (CB_IS_ENTITY (owner), NULL);
  g_return_val_if_fail (def != NULL && def->ref_kinds != NULL, NULL);

  self = g_object_new (CB_TYPE_REF_CANDIDATES, NULL);
  self->def = def;
  if (cb_entity_get_project (owner) != NULL)
    self->project = g_object_ref (cb_entity_get_project (owner));
  if (is_scoped_to_course (def))
    g_set_object (&self->course, cb_entity_get_ancestor (owner, CB_KIND_COURSE));
  if (names_own_kind (owner, def))
    self->self_ref = g_object_ref (owner);
  for (const CbKind *k = def->ref_kinds; *k != CB_N_KINDS; k++)
    n_kinds++;
  self->multi_kind = n_kinds > 2;

  fresh = collect (self);
  for (guint i = 0; i < fresh->len; i++)
    {
      g_ptr_array_add (self->entities, g_object_ref (g_ptr_array_index (fresh, i)));
      g_ptr_array_add (self->items, NULL);
    }

  watch_sources (self);
  if (self->project != NULL)
    g_signal_connect_object (self->project, "changed",
                             G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * cb_ref_candidates_find:
 *
 * Returns: the position of the record with @id, or -1
 */
int
cb_ref_candidates_find (CbRefCandidates *self,
                        const char      *id)
{
  g_return_val_if_fail (CB_IS_REF_CANDIDATES (self), -1);

  if (id == NULL)
    return -1;
  for (guint i = 0; i < self->entities->len; i++)
    if (g_strcmp0 (cb_entity_get_id (g_ptr_array_index (self->entities, i)), id) == 0)
      return (int) i;
  return -1;
}

/**
 * cb_ref_candidates_is_updating:
 *
 * Returns: %TRUE while the model tells its views about a change of the
 *   project, so that a selection moved by that change is not taken for
 *   the user's choice
 */
gboolean
cb_ref_candidates_is_updating (CbRefCandidates *self)
{
  g_return_val_if_fail (CB_IS_REF_CANDIDATES (self), FALSE);
  return self->updating;
}

/* CbRefPicker */

struct _CbRefPicker
{
  GtkPopover parent_instance;

  GtkWidget *search_entry;
  GtkWidget *list_view;
  GtkWidget *empty_label;
  GtkStringFilter *string_filter;
  GtkFilter *exclude_filter;
  GtkFilterListModel *filtered;
  GHashTable *excluded;
};

G_DEFINE_FINAL_TYPE (CbRefPicker, cb_ref_picker, GTK_TYPE_POPOVER)

enum {
  PICKED,
  N_PICKER_SIGNALS
};

static guint picker_signals[N_PICKER_SIGNALS];

static void
pick (CbRefPicker *self,
      guint        position)
{
  g_autoptr (CbRefItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, picker_signals[PICKED], 0, item);
}

static void
on_list_activate (CbRefPicker *self,
                  guint        position)
{
  pick (self, position);
}

static void
on_search_activate (CbRefPicker *self)
{
  pick (self, 0);
}

static void
on_search_changed (CbRefPicker *self)
{
  gtk_string_filter_set_search (self->string_filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (CbRefPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
on_search_key_pressed (CbRefPicker     *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_widget_child_focus (self->list_view, GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  return FALSE;
}

static void
on_filtered_changed (CbRefPicker *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_widget_set_visible (self->empty_label, empty);
  gtk_widget_set_visible (gtk_widget_get_parent (self->list_view), !empty);
}

static void
on_picker_show (CbRefPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->string_filter, NULL);
  gtk_widget_grab_focus (self->search_entry);
}

static gboolean
exclude_func (gpointer item,
              gpointer user_data)
{
  CbRefPicker *self = user_data;
  const char *id = cb_ref_item_get_id (item);

  return id != NULL && !g_hash_table_contains (self->excluded, id);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  CbRefItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cb_ref_item_dup_label (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
cb_ref_picker_dispose (GObject *object)
{
  CbRefPicker *self = CB_REF_PICKER (object);

  g_clear_object (&self->filtered);
  g_clear_object (&self->string_filter);
  g_clear_object (&self->exclude_filter);

  G_OBJECT_CLASS (cb_ref_picker_parent_class)->dispose (object);
}

static void
cb_ref_picker_finalize (GObject *object)
{
  CbRefPicker *self = CB_REF_PICKER (object);

  g_hash_table_unref (self->excluded);

  G_OBJECT_CLASS (cb_ref_picker_parent_class)->finalize (object);
}

static void
cb_ref_picker_class_init (CbRefPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_ref_picker_dispose;
  object_class->finalize = cb_ref_picker_finalize;

  /**
   * CbRefPicker::picked:
   * @item: the CbRefItem chosen
   *
   * Emitted when the user chose a record (with the mouse or with Enter).
   */
  picker_signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, CB_TYPE_REF_ITEM);
}

static void
cb_ref_picker_init (CbRefPicker *self)
{
  GtkWidget *box;
  GtkWidget *scrolled;
  GtkEventController *keys;

  self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 340, -1);

  self->search_entry = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
  g_object_set (self->search_entry, "placeholder-text", _("Search…"), NULL);
  gtk_box_append (GTK_BOX (box), self->search_entry);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->empty_label = gtk_label_new (_("No matches"));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_top (self->empty_label, 12);
  gtk_widget_set_margin_bottom (self->empty_label, 12);
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->empty_label);

  gtk_popover_set_child (GTK_POPOVER (self), box);

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (on_search_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (on_stop_search), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed",
                           G_CALLBACK (on_search_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->search_entry, keys);
  g_signal_connect (self, "show", G_CALLBACK (on_picker_show), NULL);

  /* The list is made in cb_ref_picker_new(), once the candidates are known. */
  self->list_view = NULL;
}

/**
 * cb_ref_picker_new:
 * @candidates: a GListModel of CbRefItem
 *
 * Returns: (transfer floating): a popover to choose one of @candidates
 */
GtkWidget *
cb_ref_picker_new (GListModel *candidates)
{
  CbRefPicker *self;
  GtkListItemFactory *factory;
  GtkExpression *expression;
  GtkFilter *every;
  GtkSingleSelection *selection;
  GtkWidget *scrolled;

  g_return_val_if_fail (G_IS_LIST_MODEL (candidates), NULL);

  self = g_object_new (CB_TYPE_REF_PICKER, NULL);

  expression = gtk_property_expression_new (CB_TYPE_REF_ITEM, NULL, "label");
  self->string_filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->string_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->string_filter, TRUE);
  self->exclude_filter = GTK_FILTER (gtk_custom_filter_new (exclude_func, self, NULL));

  every = GTK_FILTER (gtk_every_filter_new ());
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (self->exclude_filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->string_filter)));
  self->filtered = gtk_filter_list_model_new (g_object_ref (candidates), every);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matching records"), -1);
  g_signal_connect_object (self->list_view, "activate",
                           G_CALLBACK (on_list_activate), self, G_CONNECT_SWAPPED);

  scrolled = gtk_widget_get_next_sibling (self->search_entry);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);

  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (on_filtered_changed), self, G_CONNECT_SWAPPED);
  on_filtered_changed (self);
  return GTK_WIDGET (self);
}

/**
 * cb_ref_picker_set_excluded:
 * @ids: (nullable) (array zero-terminated=1): ids not to offer (chosen already)
 */
void
cb_ref_picker_set_excluded (CbRefPicker        *self,
                            const char * const *ids)
{
  g_return_if_fail (CB_IS_REF_PICKER (self));

  g_hash_table_remove_all (self->excluded);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (self->excluded, g_strdup (ids[i]));
  gtk_filter_changed (self->exclude_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * cb_ref_picker_get_filtered:
 *
 * Returns: (transfer none): the candidates the picker offers now
 */
GListModel *
cb_ref_picker_get_filtered (CbRefPicker *self)
{
  g_return_val_if_fail (CB_IS_REF_PICKER (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/**
 * cb_ref_picker_set_search:
 * @text: (nullable): what to look for
 *
 * Filters as if @text had been typed into the search entry.
 */
void
cb_ref_picker_set_search (CbRefPicker *self,
                          const char  *text)
{
  g_return_if_fail (CB_IS_REF_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_string_filter_set_search (self->string_filter, text);
}
