/* cb-undo.c: the recorded edits that undo and redo replay
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cb-undo"

#include "config.h"

#include "cb-project-private.h"

CbCommand *
_cb_command_new (CbCommandType  type,
                 CbEntity      *entity,
                 guint          field)
{
  CbCommand *command = g_new0 (CbCommand, 1);

  command->type = type;
  /* The project owns its undo stack: a reference to it here would be a
   * cycle that keeps every project with an edit to its own members alive. */
  command->entity = CB_IS_PROJECT (entity) ? entity : g_object_ref (entity);
  command->field = field;
  return command;
}

void
_cb_command_free (CbCommand *command)
{
  const CbFieldDef *def;

  if (command == NULL)
    return;
  def = &cb_entity_get_kind_def (command->entity)->fields[command->field];
  if (command->type == CB_COMMAND_SET)
    {
      _cb_slot_clear (def, &command->old_value);
      _cb_slot_clear (def, &command->new_value);
    }
  _cb_extra_free (command->old_extra);
  g_clear_object (&command->child);
  if (!CB_IS_PROJECT (command->entity))
    g_object_unref (command->entity);
  g_free (command);
}

void
_cb_command_undo (CbCommand *command)
{
  switch (command->type)
    {
    case CB_COMMAND_SET:
      _cb_entity_apply_slot (command->entity, command->field, &command->old_value, NULL, NULL);
      if (command->old_extra != NULL)
        _cb_entity_restore_extra (command->entity, g_steal_pointer (&command->old_extra),
                                  command->old_extra_position);
      break;
    case CB_COMMAND_INSERT:
      g_object_unref (_cb_entity_apply_remove (command->entity, command->field, command->position));
      _cb_entity_set_list_present (command->entity, command->field, command->was_present);
      break;
    case CB_COMMAND_REMOVE:
      _cb_entity_apply_insert (command->entity, command->field, command->position, command->child);
      break;
    case CB_COMMAND_MOVE:
      {
        g_autoptr (CbEntity) child = _cb_entity_apply_remove (command->entity, command->field,
                                                              command->to);

        _cb_entity_apply_insert (command->entity, command->field, command->position, child);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_cb_command_redo (CbCommand *command)
{
  switch (command->type)
    {
    case CB_COMMAND_SET:
      /* The new value takes the wrongly typed member's place again. */
      _cb_entity_apply_slot (command->entity, command->field, &command->new_value,
                             &command->old_extra, &command->old_extra_position);
      break;
    case CB_COMMAND_INSERT:
      _cb_entity_apply_insert (command->entity, command->field, command->position, command->child);
      break;
    case CB_COMMAND_REMOVE:
      g_object_unref (_cb_entity_apply_remove (command->entity, command->field, command->position));
      break;
    case CB_COMMAND_MOVE:
      {
        g_autoptr (CbEntity) child = _cb_entity_apply_remove (command->entity, command->field,
                                                              command->position);

        _cb_entity_apply_insert (command->entity, command->field, command->to, child);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}
