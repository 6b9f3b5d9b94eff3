/* cb-project.c: a curriculum document: lookup by id, undo and redo
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cb-project"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cb-project-private.h"

#define MAX_UNDO_STEPS 1000

typedef struct
{
  char *label;
  GPtrArray *commands; /* of CbCommand, in the order they were done */
  guint serial;
  gboolean sealed;     /* no more typing may be merged into it */
} Group;

struct _CbProject
{
  CbEntity parent_instance;

  GHashTable *index;   /* id (borrowed from the record) → CbEntity */
  guint n_duplicates;  /* ids seen more than once: the index may need a rebuild */
  gboolean index_stale;

  GPtrArray *undo;     /* of Group, oldest first */
  GPtrArray *redo;     /* of Group, next to redo last */
  Group *open_group;
  guint group_depth;
  guint next_serial;
  guint saved_serial;
  guint dropped_serial; /* the newest step dropped off the bottom of the undo stack */
  gboolean force_dirty;

  GFile *file;
  char *content_hash;
  gboolean read_only;
};

G_DEFINE_FINAL_TYPE (CbProject, cb_project, CB_TYPE_ENTITY)

enum {
  PROP_0,
  /* 1 … n are the members of the format, installed from the schema. */
  PROP_DIRTY = 100,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_READ_ONLY,
  PROP_FILE,
  PROP_LAST
};

static GParamSpec *own_properties[PROP_LAST - PROP_DIRTY];
#define OWN(prop) own_properties[(prop) - PROP_DIRTY]

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
group_free (Group *group)
{
  g_free (group->label);
  g_ptr_array_unref (group->commands);
  g_free (group);
}

static Group *
group_new (const char *label)
{
  Group *group = g_new0 (Group, 1);

  group->label = g_strdup (label);
  group->commands = g_ptr_array_new_with_free_func ((GDestroyNotify) _cb_command_free);
  return group;
}

static guint
top_serial (CbProject *self)
{
  if (self->undo->len == 0)
    return self->dropped_serial;
  return ((Group *) g_ptr_array_index (self->undo, self->undo->len - 1))->serial;
}

gboolean
cb_project_get_dirty (CbProject *self)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), FALSE);
  return self->force_dirty || top_serial (self) != self->saved_serial;
}

gboolean
cb_project_can_undo (CbProject *self)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), FALSE);
  return self->undo->len > 0 && self->group_depth == 0;
}

gboolean
cb_project_can_redo (CbProject *self)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), FALSE);
  return self->redo->len > 0 && self->group_depth == 0;
}

typedef struct
{
  gboolean dirty;
  gboolean can_undo;
  gboolean can_redo;
} State;

static State
get_state (CbProject *self)
{
  State state = {
    cb_project_get_dirty (self),
    cb_project_can_undo (self),
    cb_project_can_redo (self),
  };
  return state;
}

static void
notify_state (CbProject *self,
              State      before)
{
  State after = get_state (self);

  if (before.dirty != after.dirty)
    g_object_notify_by_pspec (G_OBJECT (self), OWN (PROP_DIRTY));
  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), OWN (PROP_CAN_UNDO));
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), OWN (PROP_CAN_REDO));
}

static void
push_group (CbProject *self,
            Group     *group)
{
  State before = get_state (self);

  group->serial = ++self->next_serial;
  g_ptr_array_add (self->undo, group);
  g_ptr_array_set_size (self->redo, 0);
  if (self->undo->len > MAX_UNDO_STEPS)
    {
      self->dropped_serial = ((Group *) g_ptr_array_index (self->undo, 0))->serial;
      g_ptr_array_remove_index (self->undo, 0);
    }
  notify_state (self, before);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
can_coalesce (CbProject *self,
              CbCommand *command)
{
  Group *top;
  CbCommand *previous;
  CbFieldType type;

  if (self->undo->len == 0 || command->type != CB_COMMAND_SET)
    return FALSE;
  top = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (top->sealed || top->commands->len != 1 || top->serial == self->saved_serial)
    return FALSE;
  previous = g_ptr_array_index (top->commands, 0);
  if (previous->type != CB_COMMAND_SET || previous->entity != command->entity ||
      previous->field != command->field || command->old_extra != NULL)
    return FALSE;
  type = cb_entity_get_kind_def (command->entity)->fields[command->field].type;
  return (type == CB_FIELD_STRING || type == CB_FIELD_TEXT) &&
         command->new_value.present && previous->new_value.present;
}

void
_cb_project_record (CbProject *self,
                    CbCommand *command)
{
  Group *group;

  if (self->group_depth > 0)
    {
      g_ptr_array_add (self->open_group->commands, command);
      return;
    }

  /* Typing in one field is one step: a string set right after another on
   * the same member replaces that step's new value. */
  if (can_coalesce (self, command))
    {
      Group *top = g_ptr_array_index (self->undo, self->undo->len - 1);
      CbCommand *previous = g_ptr_array_index (top->commands, 0);
      const CbFieldDef *def = &cb_entity_get_kind_def (command->entity)->fields[command->field];

      _cb_slot_clear (def, &previous->new_value);
      previous->new_value = command->new_value;
      memset (&command->new_value, 0, sizeof command->new_value);
      _cb_command_free (command);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  group = group_new (NULL);
  g_ptr_array_add (group->commands, command);
  push_group (self, group);
}

/**
 * cb_project_begin_group:
 * @label: (nullable): what the step is called in the Undo menu
 *
 * Starts a step: every edit until the matching cb_project_end_group() is
 * undone and redone together. Groups nest; the outermost label counts.
 */
void
cb_project_begin_group (CbProject  *self,
                        const char *label)
{
  g_return_if_fail (CB_IS_PROJECT (self));

  if (self->group_depth++ == 0)
    self->open_group = group_new (label);
}

void
cb_project_end_group (CbProject *self)
{
  Group *group;

  g_return_if_fail (CB_IS_PROJECT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  group = g_steal_pointer (&self->open_group);
  if (group->commands->len == 0)
    {
      group_free (group);
      return;
    }
  group->sealed = TRUE;
  push_group (self, group);
}

/**
 * cb_project_break_coalescing:
 *
 * Makes the next edit a step of its own even if it continues typing in the
 * same field (call it when a field loses the focus).
 */
void
cb_project_break_coalescing (CbProject *self)
{
  g_return_if_fail (CB_IS_PROJECT (self));
  if (self->undo->len > 0)
    ((Group *) g_ptr_array_index (self->undo, self->undo->len - 1))->sealed = TRUE;
}

const char *
cb_project_get_undo_label (CbProject *self)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), NULL);
  if (self->undo->len == 0)
    return NULL;
  return ((Group *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

const char *
cb_project_get_redo_label (CbProject *self)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), NULL);
  if (self->redo->len == 0)
    return NULL;
  return ((Group *) g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

/**
 * cb_project_undo:
 *
 * Takes back the last step.
 *
 * Returns: %TRUE if there was a step to undo
 */
gboolean
cb_project_undo (CbProject *self)
{
  State before;
  Group *group;

  g_return_val_if_fail (CB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->undo->len == 0)
    return FALSE;

  before = get_state (self);
  group = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = group->commands->len; i > 0; i--)
    _cb_command_undo (g_ptr_array_index (group->commands, i - 1));
  group->sealed = TRUE;
  g_ptr_array_add (self->redo, group);
  cb_project_break_coalescing (self);
  notify_state (self, before);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * cb_project_redo:
 *
 * Does again the last step that was undone.
 *
 * Returns: %TRUE if there was a step to redo
 */
gboolean
cb_project_redo (CbProject *self)
{
  State before;
  Group *group;

  g_return_val_if_fail (CB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->redo->len == 0)
    return FALSE;

  before = get_state (self);
  group = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < group->commands->len; i++)
    _cb_command_redo (g_ptr_array_index (group->commands, i));
  g_ptr_array_add (self->undo, group);
  notify_state (self, before);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * cb_project_forget_history:
 *
 * Drops every undo and redo step and takes the current state as the saved
 * one: for a project just made, whose first members are not edits anyone
 * would undo.
 */
void
cb_project_forget_history (CbProject *self)
{
  State before;

  g_return_if_fail (CB_IS_PROJECT (self));
  g_return_if_fail (self->group_depth == 0);

  before = get_state (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->dropped_serial = 0;
  self->saved_serial = 0;
  self->force_dirty = FALSE;
  notify_state (self, before);
}

guint
_cb_project_get_serial (CbProject *self)
{
  return top_serial (self);
}

/* @serial: the step the saved bytes were serialised at; edits made while
 * an asynchronous save ran keep the project dirty. */
void
_cb_project_mark_saved (CbProject *self,
                        guint      serial)
{
  State before = get_state (self);

  self->saved_serial = serial;
  self->force_dirty = FALSE;
  cb_project_break_coalescing (self);
  notify_state (self, before);
}

void
_cb_project_set_dirty (CbProject *self)
{
  State before = get_state (self);

  self->force_dirty = TRUE;
  notify_state (self, before);
}

/* The index of ids */

void
_cb_project_register (CbProject *self,
                      CbEntity  *entity)
{
  const char *id = cb_entity_get_id (entity);

  if (id == NULL)
    return;
  if (!g_hash_table_insert (self->index, (gpointer) id, entity))
    {
      /* The first record with an id keeps it; put it back. */
      self->n_duplicates++;
      self->index_stale = TRUE;
    }
}

void
_cb_project_unregister (CbProject *self,
                        CbEntity  *entity)
{
  const char *id = cb_entity_get_id (entity);

  if (id == NULL)
    return;
  if (g_hash_table_lookup (self->index, id) == entity)
    g_hash_table_remove (self->index, id);
  if (self->n_duplicates > 0)
    self->index_stale = TRUE;
}

void
_cb_project_id_changed (CbProject  *self,
                        CbEntity   *entity,
                        const char *old_id)
{
  if (old_id != NULL && g_hash_table_lookup (self->index, old_id) == entity)
    g_hash_table_remove (self->index, old_id);
  if (self->n_duplicates > 0)
    self->index_stale = TRUE;
  _cb_project_register (self, entity);
}

static void
rebuild_visit (CbEntity *entity,
               gpointer  user_data)
{
  CbProject *self = user_data;
  const char *id = cb_entity_get_id (entity);

  if (id == NULL)
    return;
  if (g_hash_table_contains (self->index, id))
    self->n_duplicates++;
  else
    g_hash_table_insert (self->index, (gpointer) id, entity);
}

/**
 * cb_project_lookup:
 * @id: an id
 *
 * Finds the record with @id anywhere in the project. Where a broken file
 * gives two records the same id, the first in document order is found.
 *
 * Returns: (transfer none) (nullable): the record
 */
CbEntity *
cb_project_lookup (CbProject  *self,
                   const char *id)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), NULL);

  if (id == NULL)
    return NULL;
  if (self->index_stale)
    {
      g_hash_table_remove_all (self->index);
      self->n_duplicates = 0;
      _cb_entity_visit (CB_ENTITY (self), rebuild_visit, self);
      self->index_stale = FALSE;
    }
  return g_hash_table_lookup (self->index, id);
}

/* Returns: (transfer none): the up-to-date index of ids, for the validator */
GHashTable *
_cb_project_get_index (CbProject *self)
{
  cb_project_lookup (self, "");
  return self->index;
}

/**
 * cb_project_get_list:
 * @field: a list member of the project: "people", "partners", "skills",
 *   "outcomes", "courses" or "reviews"
 *
 * Returns: (transfer none): the list, possibly empty
 */
GListModel *
cb_project_get_list (CbProject  *self,
                     const char *field)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), NULL);
  return cb_entity_get_children (CB_ENTITY (self), field);
}

const char *
cb_project_get_title (CbProject *self)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), NULL);
  return cb_entity_get_string (CB_ENTITY (self), "title");
}

/**
 * cb_project_get_file:
 *
 * Returns: (transfer none) (nullable): the file the project was loaded
 * from or last saved to
 */
GFile *
cb_project_get_file (CbProject *self)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), NULL);
  return self->file;
}

gboolean
cb_project_get_read_only (CbProject *self)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), FALSE);
  return self->read_only;
}

gint64
cb_project_get_file_version (CbProject *self)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), 0);
  return cb_entity_get_int (CB_ENTITY (self), "format_version");
}

void
_cb_project_set_read_only (CbProject *self,
                           gboolean   read_only)
{
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), OWN (PROP_READ_ONLY));
}

void
_cb_project_set_file_state (CbProject  *self,
                            GFile      *file,
                            const char *content_hash)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), OWN (PROP_FILE));
  g_free (self->content_hash);
  self->content_hash = g_strdup (content_hash);
}

const char *
_cb_project_get_content_hash (CbProject *self)
{
  return self->content_hash;
}

/**
 * cb_timestamp_now:
 *
 * Returns: (transfer full): the current time as an RFC 3339 UTC timestamp
 */
char *
cb_timestamp_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * cb_project_new:
 *
 * Creates an empty project with a new id and today's timestamps.
 *
 * Returns: (transfer full): the project
 */
CbProject *
cb_project_new (void)
{
  CbProject *self = g_object_new (CB_TYPE_PROJECT, NULL);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = cb_timestamp_now ();
  CbEntity *entity = CB_ENTITY (self);

  /* A new document starts with nothing to undo. */
  cb_project_begin_group (self, NULL);
  cb_entity_set_string (entity, "format", CB_FORMAT_NAME);
  cb_entity_set_int (entity, "format_version", CB_FORMAT_VERSION);
  cb_entity_set_id (entity, id);
  cb_entity_set_string (entity, "created", now);
  cb_entity_set_string (entity, "modified", now);
  self->group_depth = 0;
  g_clear_pointer (&self->open_group, group_free);
  return self;
}

static void
cb_project_constructed (GObject *object)
{
  CbProject *self = CB_PROJECT (object);

  G_OBJECT_CLASS (cb_project_parent_class)->constructed (object);

  /* The root record belongs to its own document. */
  _cb_entity_attach (CB_ENTITY (self), self, NULL, 0);
}

static void
cb_project_dispose (GObject *object)
{
  CbProject *self = CB_PROJECT (object);

  /* Commands hold records of this project; drop them before the tree. */
  if (self->undo != NULL)
    g_ptr_array_set_size (self->undo, 0);
  if (self->redo != NULL)
    g_ptr_array_set_size (self->redo, 0);
  g_clear_pointer (&self->open_group, group_free);

  /* Records that outlive the document must not point back at it. */
  if (cb_entity_get_project (CB_ENTITY (self)) != NULL)
    _cb_entity_detach (CB_ENTITY (self));

  G_OBJECT_CLASS (cb_project_parent_class)->dispose (object);
}

static void
cb_project_finalize (GObject *object)
{
  CbProject *self = CB_PROJECT (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->content_hash, g_free);

  G_OBJECT_CLASS (cb_project_parent_class)->finalize (object);
}

static void
cb_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CbProject *self = CB_PROJECT (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, cb_project_get_dirty (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cb_project_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cb_project_can_redo (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      if (prop_id >= 1 && prop_id <= cb_entity_get_kind_def (CB_ENTITY (self))->n_fields)
        _cb_entity_get_field_property (CB_ENTITY (self), prop_id - 1, value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  if (prop_id >= 1 && prop_id <= cb_entity_get_kind_def (CB_ENTITY (object))->n_fields)
    _cb_entity_set_field_property (CB_ENTITY (object), prop_id - 1, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cb_project_class_init (CbProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cb_project_constructed;
  object_class->dispose = cb_project_dispose;
  object_class->finalize = cb_project_finalize;
  object_class->get_property = cb_project_get_property;
  object_class->set_property = cb_project_set_property;

  _cb_entity_class_setup (CB_ENTITY_CLASS (klass), CB_KIND_PROJECT);

  OWN (PROP_DIRTY) =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  OWN (PROP_CAN_UNDO) =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  OWN (PROP_CAN_REDO) =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  OWN (PROP_READ_ONLY) =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  OWN (PROP_FILE) =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  for (guint prop = PROP_DIRTY; prop < PROP_LAST; prop++)
    g_object_class_install_property (object_class, prop, OWN (prop));

  /**
   * CbProject::changed:
   *
   * Emitted once after every step: an edit, a group of edits, an undo or
   * a redo. Views and the validator listen to this one signal.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cb_project_init (CbProject *self)
{
  self->index = g_hash_table_new (cb_id_hash, g_str_equal);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
}
