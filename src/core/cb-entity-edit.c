/* cb-entity-edit.c: changing records: direct changes for loading and undo, recorded edits for everything else
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cb-entity"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cb-project-private.h"

#define PRIV(self) _cb_entity_get_private ((CbEntity *) (self))

/* Direct changes */

static gboolean
slots_equal (const CbFieldDef *def,
             const CbSlot     *a,
             const CbSlot     *b)
{
  if (a->present != b->present)
    return FALSE;
  if (!a->present)
    return TRUE;
  switch (def->type)
    {
    case CB_FIELD_ID:
    case CB_FIELD_STRING:
    case CB_FIELD_TEXT:
    case CB_FIELD_ENUM:
    case CB_FIELD_REF:
      return g_strcmp0 (a->v.s, b->v.s) == 0;
    case CB_FIELD_INT:
      return a->v.i == b->v.i;
    case CB_FIELD_NUMBER:
      return a->v.d == b->v.d;
    case CB_FIELD_REF_LIST:
    case CB_FIELD_STRING_LIST:
      if (a->v.strv == NULL || b->v.strv == NULL)
        return a->v.strv == b->v.strv;
      return g_strv_equal ((const char * const *) a->v.strv, (const char * const *) b->v.strv);
    case CB_FIELD_OBJECT:
      return a->v.obj == b->v.obj;
    case CB_FIELD_LIST:
    default:
      return FALSE;
    }
}

/**
 * _cb_entity_apply_slot:
 * @removed_extra: (out) (optional): a wrongly typed member of the same name
 *   that the new value replaces; the caller owns it
 * @removed_position: (out): where it was among the unknown members
 *
 * Sets member @index to a copy of @value without recording anything.
 */
void
_cb_entity_apply_slot (CbEntity      *self,
                       guint          index,
                       const CbSlot  *value,
                       CbExtra      **removed_extra,
                       guint         *removed_position)
{
  CbEntityPrivate *priv = PRIV (self);
  const CbFieldDef *def = &priv->def->fields[index];
  CbSlot *slot = &priv->slots[index];
  g_autofree char *old_id = NULL;

  if (removed_extra)
    *removed_extra = NULL;

  /* A member that was kept as written because its type was wrong gives way
   * to the value the user sets now, or goes when the user removes it. */
  if (priv->extras != NULL)
    for (guint i = 0; i < priv->extras->len; i++)
      {
        CbExtra *extra = g_ptr_array_index (priv->extras, i);

        if (strcmp (extra->name, def->name) == 0)
          {
            CbExtra *stolen = g_ptr_array_steal_index (priv->extras, i);

            if (removed_extra)
              {
                *removed_extra = stolen;
                *removed_position = i;
              }
            else
              _cb_extra_free (stolen);
            break;
          }
      }

  if (slots_equal (def, slot, value))
    return;

  if (def->type == CB_FIELD_OBJECT && slot->v.obj != NULL)
    _cb_entity_detach (slot->v.obj);
  if (def->type == CB_FIELD_ID)
    old_id = g_steal_pointer (&slot->v.s);

  _cb_slot_clear (def, slot);
  _cb_slot_copy (def, value, slot);

  if (def->type == CB_FIELD_OBJECT && slot->v.obj != NULL)
    _cb_entity_attach (slot->v.obj, priv->project, self, index);
  if (def->type == CB_FIELD_ID && priv->project != NULL)
    _cb_project_id_changed (priv->project, self, old_id);

  g_object_notify_by_pspec (G_OBJECT (self), CB_ENTITY_GET_CLASS (self)->field_pspecs[index]);
}

void
_cb_entity_set_list_present (CbEntity *self,
                             guint     index,
                             gboolean  present)
{
  PRIV (self)->slots[index].present = present;
}

static void
attach_visit (CbEntity *entity,
              gpointer  project)
{
  PRIV (entity)->project = project;
  _cb_project_register (project, entity);
}

static void
detach_visit (CbEntity *entity,
              gpointer  project)
{
  _cb_project_unregister (project, entity);
  PRIV (entity)->project = NULL;
}

void
_cb_entity_attach (CbEntity  *self,
                   CbProject *project,
                   CbEntity  *parent,
                   guint      parent_field)
{
  CbEntityPrivate *priv = PRIV (self);

  priv->parent = parent;
  priv->parent_field = parent_field;
  if (priv->project == project)
    return;
  if (priv->project != NULL)
    _cb_entity_visit (self, detach_visit, priv->project);
  if (project != NULL)
    _cb_entity_visit (self, attach_visit, project);
}

void
_cb_entity_detach (CbEntity *self)
{
  CbEntityPrivate *priv = PRIV (self);

  priv->parent = NULL;
  priv->parent_field = 0;
  if (priv->project != NULL)
    _cb_entity_visit (self, detach_visit, priv->project);
}

void
_cb_entity_visit (CbEntity          *self,
                  CbEntityVisitFunc  func,
                  gpointer           user_data)
{
  CbEntityPrivate *priv = PRIV (self);

  func (self, user_data);
  for (guint i = 0; i < priv->def->n_fields; i++)
    {
      const CbFieldDef *def = &priv->def->fields[i];
      CbSlot *slot = &priv->slots[i];

      if (def->type == CB_FIELD_OBJECT && slot->v.obj != NULL)
        _cb_entity_visit (slot->v.obj, func, user_data);
      else if (def->type == CB_FIELD_LIST && slot->v.list != NULL)
        {
          guint n = _cb_list_get_n (slot->v.list);

          for (guint j = 0; j < n; j++)
            _cb_entity_visit (_cb_list_peek (slot->v.list, j), func, user_data);
        }
    }
}

void
_cb_entity_apply_insert (CbEntity *self,
                         guint     index,
                         guint     position,
                         CbEntity *child)
{
  CbEntityPrivate *priv = PRIV (self);
  CbList *list = _cb_entity_ensure_list (self, index);

  g_assert (PRIV (child)->parent == NULL);
  priv->slots[index].present = TRUE;
  _cb_entity_attach (child, priv->project, self, index);
  _cb_list_splice (list, position, 0, (gpointer *) &child, 1);
}

/* Returns: (transfer full): the removed record */
CbEntity *
_cb_entity_apply_remove (CbEntity *self,
                         guint     index,
                         guint     position)
{
  CbList *list = _cb_entity_ensure_list (self, index);
  CbEntity *child = g_object_ref (_cb_list_peek (list, position));

  _cb_entity_detach (child);
  _cb_list_splice (list, position, 1, NULL, 0);
  return child;
}

/* Recorded edits */

static void
set_slot_recorded (CbEntity     *self,
                   guint         index,
                   const CbSlot *value)
{
  CbEntityPrivate *priv = PRIV (self);
  const CbFieldDef *def = &priv->def->fields[index];
  CbCommand *command;
  CbExtra *removed = NULL;
  gboolean has_wrong_typed = FALSE;

  if (priv->extras != NULL)
    for (guint i = 0; i < priv->extras->len && !has_wrong_typed; i++)
      has_wrong_typed = strcmp (((CbExtra *) g_ptr_array_index (priv->extras, i))->name,
                                def->name) == 0;
  if (!has_wrong_typed && slots_equal (def, &priv->slots[index], value))
    return;

  if (priv->project == NULL)
    {
      _cb_entity_apply_slot (self, index, value, NULL, NULL);
      return;
    }

  command = _cb_command_new (CB_COMMAND_SET, self, index);
  _cb_slot_copy (def, &priv->slots[index], &command->old_value);
  _cb_slot_copy (def, value, &command->new_value);
  _cb_entity_apply_slot (self, index, value, &removed, &command->old_extra_position);
  command->old_extra = removed;
  _cb_project_record (priv->project, command);
}

static gboolean
check_writable (CbEntity          *self,
                const char        *field,
                guint              type_mask,
                const CbFieldDef **def,
                guint             *index)
{
  return _cb_entity_get_typed_slot (self, field, type_mask, def, index) != NULL;
}

/**
 * cb_entity_set_string:
 * @value: (nullable): the new value; %NULL removes the member
 *
 * Sets a string, enumeration or reference member.
 */
void
cb_entity_set_string (CbEntity   *self,
                      const char *field,
                      const char *value)
{
  const CbFieldDef *def;
  guint index;
  CbSlot slot = { 0 };

  g_return_if_fail (CB_IS_ENTITY (self));
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));
  if (!check_writable (self, field, STRING_TYPES, &def, &index))
    return;
  if (def->type == CB_FIELD_ID && PRIV (self)->slots[index].present)
    {
      g_return_if_fail (g_strcmp0 (PRIV (self)->slots[index].v.s, value) == 0);
      return;
    }

  slot.present = value != NULL;
  slot.v.s = (char *) value;
  set_slot_recorded (self, index, &slot);
}

void
cb_entity_set_int (CbEntity   *self,
                   const char *field,
                   gint64      value)
{
  guint index;
  CbSlot slot = { 0 };

  g_return_if_fail (CB_IS_ENTITY (self));
  if (!check_writable (self, field, 1u << CB_FIELD_INT, NULL, &index))
    return;
  slot.present = TRUE;
  slot.v.i = value;
  set_slot_recorded (self, index, &slot);
}

void
cb_entity_set_number (CbEntity   *self,
                      const char *field,
                      double      value)
{
  guint index;
  CbSlot slot = { 0 };

  g_return_if_fail (CB_IS_ENTITY (self));
  g_return_if_fail (isfinite (value));
  if (!check_writable (self, field, 1u << CB_FIELD_NUMBER, NULL, &index))
    return;
  slot.present = TRUE;
  slot.v.d = value;
  set_slot_recorded (self, index, &slot);
}

/**
 * cb_entity_set_strv:
 * @value: (nullable) (array zero-terminated=1): the new list; %NULL removes it
 */
void
cb_entity_set_strv (CbEntity           *self,
                    const char         *field,
                    const char * const *value)
{
  guint index;
  CbSlot slot = { 0 };

  g_return_if_fail (CB_IS_ENTITY (self));
  if (!check_writable (self, field, STRV_TYPES, NULL, &index))
    return;
  slot.present = value != NULL;
  slot.v.strv = (char **) value;
  set_slot_recorded (self, index, &slot);
}

/**
 * cb_entity_unset:
 *
 * Removes a member of any type except lists (remove their items instead).
 */
void
cb_entity_unset (CbEntity   *self,
                 const char *field)
{
  const CbFieldDef *def;
  guint index;
  CbSlot slot = { 0 };

  g_return_if_fail (CB_IS_ENTITY (self));
  if (!check_writable (self, field, ~((1u << CB_FIELD_LIST) | (1u << CB_FIELD_ID)), &def, &index))
    return;
  set_slot_recorded (self, index, &slot);
}

/**
 * cb_entity_ensure_object:
 *
 * Returns the nested record @field, creating an empty one (a recorded
 * edit) when it is absent.
 *
 * Returns: (transfer none): the nested record
 */
CbEntity *
cb_entity_ensure_object (CbEntity   *self,
                         const char *field)
{
  const CbFieldDef *def;
  guint index;
  CbSlot *current;
  CbSlot slot = { 0 };
  g_autoptr (CbEntity) child = NULL;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  current = _cb_entity_get_typed_slot (self, field, 1u << CB_FIELD_OBJECT, &def, &index);
  if (current == NULL)
    return NULL;
  if (current->v.obj != NULL)
    return current->v.obj;

  child = cb_entity_new (def->child_kind);
  slot.present = TRUE;
  slot.v.obj = child;
  set_slot_recorded (self, index, &slot);
  return current->v.obj;
}

/**
 * cb_entity_insert_child:
 * @child: a detached record of the list's kind
 *
 * Inserts @child into the list @field at @position (a recorded edit).
 */
void
cb_entity_insert_child (CbEntity   *self,
                        const char *field,
                        guint       position,
                        CbEntity   *child)
{
  CbEntityPrivate *priv;
  const CbFieldDef *def;
  guint index;
  CbCommand *command;
  gboolean was_present;

  g_return_if_fail (CB_IS_ENTITY (self));
  g_return_if_fail (CB_IS_ENTITY (child));
  g_return_if_fail (PRIV (child)->parent == NULL && PRIV (child)->project == NULL);
  g_return_if_fail (!CB_IS_PROJECT (child));
  if (!check_writable (self, field, 1u << CB_FIELD_LIST, &def, &index))
    return;
  g_return_if_fail (PRIV (child)->def->kind == def->child_kind);

  priv = PRIV (self);
  position = MIN (position, cb_entity_get_n_children (self, field));
  was_present = priv->slots[index].present;
  _cb_entity_apply_insert (self, index, position, child);

  if (priv->project == NULL)
    return;
  command = _cb_command_new (CB_COMMAND_INSERT, self, index);
  command->child = g_object_ref (child);
  command->position = position;
  command->was_present = was_present;
  _cb_project_record (priv->project, command);
}

void
cb_entity_append_child (CbEntity   *self,
                        const char *field,
                        CbEntity   *child)
{
  cb_entity_insert_child (self, field, G_MAXUINT, child);
}

void
cb_entity_remove_child (CbEntity   *self,
                        const char *field,
                        guint       position)
{
  CbEntityPrivate *priv;
  guint index;
  CbCommand *command;
  CbEntity *child;

  g_return_if_fail (CB_IS_ENTITY (self));
  if (!check_writable (self, field, 1u << CB_FIELD_LIST, NULL, &index))
    return;
  g_return_if_fail (position < cb_entity_get_n_children (self, field));

  priv = PRIV (self);
  child = _cb_entity_apply_remove (self, index, position);
  if (priv->project == NULL)
    {
      g_object_unref (child);
      return;
    }
  command = _cb_command_new (CB_COMMAND_REMOVE, self, index);
  command->child = child;
  command->position = position;
  _cb_project_record (priv->project, command);
}

/**
 * cb_entity_move_child:
 *
 * Moves the record at @from to @to in the list @field (a recorded edit).
 */
void
cb_entity_move_child (CbEntity   *self,
                      const char *field,
                      guint       from,
                      guint       to)
{
  CbEntityPrivate *priv;
  guint index;
  guint n;
  CbCommand *command;
  g_autoptr (CbEntity) child = NULL;

  g_return_if_fail (CB_IS_ENTITY (self));
  if (!check_writable (self, field, 1u << CB_FIELD_LIST, NULL, &index))
    return;
  n = cb_entity_get_n_children (self, field);
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  priv = PRIV (self);
  child = _cb_entity_apply_remove (self, index, from);
  _cb_entity_apply_insert (self, index, to, child);
  if (priv->project == NULL)
    return;
  command = _cb_command_new (CB_COMMAND_MOVE, self, index);
  command->position = from;
  command->to = to;
  _cb_project_record (priv->project, command);
}

/**
 * cb_entity_remove:
 *
 * Removes the record from the list that holds it, or clears the member
 * that holds it (a recorded edit).
 */
void
cb_entity_remove (CbEntity *self)
{
  CbEntityPrivate *priv;
  int position;

  g_return_if_fail (CB_IS_ENTITY (self));
  priv = PRIV (self);
  g_return_if_fail (priv->parent != NULL);

  position = cb_entity_get_position (self);
  if (position >= 0)
    cb_entity_remove_child (priv->parent, cb_entity_get_parent_field (self), (guint) position);
  else
    cb_entity_unset (priv->parent, cb_entity_get_parent_field (self));
}

/* Duplication */

static CbEntity *
copy_tree (CbEntity   *self,
           GHashTable *id_map)
{
  CbEntityPrivate *priv = PRIV (self);
  CbEntity *copy = cb_entity_new (priv->def->kind);
  CbEntityPrivate *copy_priv = PRIV (copy);

  for (guint i = 0; i < priv->def->n_fields; i++)
    {
      const CbFieldDef *def = &priv->def->fields[i];
      CbSlot *slot = &priv->slots[i];

      if (!slot->present && def->type != CB_FIELD_LIST)
        continue;
      switch (def->type)
        {
        case CB_FIELD_ID:
          {
            char *id = g_uuid_string_random ();

            if (slot->v.s != NULL)
              g_hash_table_insert (id_map, g_strdup (slot->v.s), g_strdup (id));
            copy_priv->slots[i].present = TRUE;
            copy_priv->slots[i].v.s = id;
          }
          break;
        case CB_FIELD_OBJECT:
          {
            CbEntity *child = copy_tree (slot->v.obj, id_map);

            copy_priv->slots[i].present = TRUE;
            copy_priv->slots[i].v.obj = child;
            _cb_entity_attach (child, NULL, copy, i);
          }
          break;
        case CB_FIELD_LIST:
          copy_priv->slots[i].present = slot->present;
          if (slot->v.list != NULL)
            {
              guint n = _cb_list_get_n (slot->v.list);

              for (guint j = 0; j < n; j++)
                {
                  CbEntity *child = _cb_list_peek (slot->v.list, j);
                  g_autoptr (CbEntity) child_copy = copy_tree (child, id_map);

                  _cb_entity_apply_insert (copy, i, j, child_copy);
                }
            }
          break;
        case CB_FIELD_STRING:
        case CB_FIELD_TEXT:
        case CB_FIELD_ENUM:
        case CB_FIELD_REF:
        case CB_FIELD_INT:
        case CB_FIELD_NUMBER:
        case CB_FIELD_REF_LIST:
        case CB_FIELD_STRING_LIST:
        default:
          _cb_slot_copy (def, slot, &copy_priv->slots[i]);
          break;
        }
    }

  if (priv->extras != NULL)
    for (guint i = 0; i < priv->extras->len; i++)
      {
        CbExtra *extra = g_ptr_array_index (priv->extras, i);

        _cb_entity_add_extra (copy, extra->anchor, extra->name, strlen (extra->name), extra->value);
      }
  return copy;
}

static void
remap_visit (CbEntity *entity,
             gpointer  user_data)
{
  GHashTable *id_map = user_data;
  CbEntityPrivate *priv = PRIV (entity);

  for (guint i = 0; i < priv->def->n_fields; i++)
    {
      const CbFieldDef *def = &priv->def->fields[i];
      CbSlot *slot = &priv->slots[i];
      const char *mapped;

      if (def->type == CB_FIELD_REF && slot->v.s != NULL &&
          (mapped = g_hash_table_lookup (id_map, slot->v.s)) != NULL)
        {
          g_free (slot->v.s);
          slot->v.s = g_strdup (mapped);
        }
      else if (def->type == CB_FIELD_REF_LIST && slot->v.strv != NULL)
        for (char **s = slot->v.strv; *s != NULL; s++)
          if ((mapped = g_hash_table_lookup (id_map, *s)) != NULL)
            {
              g_free (*s);
              *s = g_strdup (mapped);
            }
    }
}

/**
 * cb_entity_duplicate:
 *
 * Makes a detached deep copy of the record with new ids throughout;
 * references inside the copy to records inside the original are pointed
 * at their copies (a duplicated course's modules cite the new objectives).
 *
 * Returns: (transfer full): the copy, ready to be inserted
 */
CbEntity *
cb_entity_duplicate (CbEntity *self)
{
  g_autoptr (GHashTable) id_map = NULL;
  CbEntity *copy;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  g_return_val_if_fail (!CB_IS_PROJECT (self), NULL);

  id_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  copy = copy_tree (self, id_map);
  _cb_entity_visit (copy, remap_visit, id_map);
  return copy;
}
