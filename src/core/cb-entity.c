/* cb-entity.c: one record of a project (course, module, skill, …)
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's members live in an array of slots laid out by its kind's
 * schema (cb-schema.c). The GObject properties of every per-kind class are
 * installed from the same schema, so binding a widget to "title" or
 * "level-required" goes through the same recorded edit as the C API.
 */

#define G_LOG_DOMAIN "cb-entity"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cb-project-private.h"


G_DEFINE_TYPE_WITH_PRIVATE (CbEntity, cb_entity, G_TYPE_OBJECT)

/* No type check here: the public entry points check their arguments. */
#define PRIV(self) ((CbEntityPrivate *) cb_entity_get_instance_private ((CbEntity *) (self)))

CbEntityPrivate *
_cb_entity_get_private (CbEntity *self)
{
  return PRIV (self);
}

/* Slots */

void
_cb_slot_clear (const CbFieldDef *def,
                CbSlot           *slot)
{
  switch (def->type)
    {
    case CB_FIELD_ID:
    case CB_FIELD_STRING:
    case CB_FIELD_TEXT:
    case CB_FIELD_ENUM:
    case CB_FIELD_REF:
      g_clear_pointer (&slot->v.s, g_free);
      break;
    case CB_FIELD_REF_LIST:
    case CB_FIELD_STRING_LIST:
      g_clear_pointer (&slot->v.strv, g_strfreev);
      break;
    case CB_FIELD_OBJECT:
      g_clear_object (&slot->v.obj);
      break;
    case CB_FIELD_LIST:
      g_clear_object (&slot->v.list);
      break;
    case CB_FIELD_INT:
    case CB_FIELD_NUMBER:
    default:
      break;
    }
  memset (slot, 0, sizeof *slot);
}

void
_cb_slot_copy (const CbFieldDef *def,
               const CbSlot     *src,
               CbSlot           *dest)
{
  *dest = *src;
  switch (def->type)
    {
    case CB_FIELD_ID:
    case CB_FIELD_STRING:
    case CB_FIELD_TEXT:
    case CB_FIELD_ENUM:
    case CB_FIELD_REF:
      dest->v.s = g_strdup (src->v.s);
      break;
    case CB_FIELD_REF_LIST:
    case CB_FIELD_STRING_LIST:
      dest->v.strv = g_strdupv (src->v.strv);
      break;
    case CB_FIELD_OBJECT:
      if (src->v.obj != NULL)
        g_object_ref (src->v.obj);
      break;
    case CB_FIELD_LIST:
      g_assert_not_reached ();
      break;
    case CB_FIELD_INT:
    case CB_FIELD_NUMBER:
    default:
      break;
    }
}

void
_cb_extra_free (CbExtra *extra)
{
  if (extra == NULL)
    return;
  g_free (extra->name);
  cb_json_free (extra->value);
  g_free (extra);
}

/* GObject */

static void
cb_entity_constructed (GObject *object)
{
  CbEntity *self = CB_ENTITY (object);
  CbEntityPrivate *priv = PRIV (self);
  CbEntityClass *klass = CB_ENTITY_GET_CLASS (self);

  G_OBJECT_CLASS (cb_entity_parent_class)->constructed (object);

  g_assert (klass->kind_def != NULL);
  priv->def = klass->kind_def;
  priv->slots = g_new0 (CbSlot, priv->def->n_fields);
}

static void
cb_entity_dispose (GObject *object)
{
  CbEntityPrivate *priv = PRIV (object);

  if (priv->slots != NULL)
    for (guint i = 0; i < priv->def->n_fields; i++)
      {
        const CbFieldDef *def = &priv->def->fields[i];
        CbSlot *slot = &priv->slots[i];

        /* Nested records that someone else keeps alive lose their parent. */
        if (def->type == CB_FIELD_OBJECT && slot->v.obj != NULL)
          PRIV (slot->v.obj)->parent = NULL;
        else if (def->type == CB_FIELD_LIST && slot->v.list != NULL)
          for (guint j = 0; j < _cb_list_get_n (slot->v.list); j++)
            PRIV (_cb_list_peek (slot->v.list, j))->parent = NULL;
        if (def->type == CB_FIELD_OBJECT || def->type == CB_FIELD_LIST)
          _cb_slot_clear (def, slot);
      }

  G_OBJECT_CLASS (cb_entity_parent_class)->dispose (object);
}

static void
cb_entity_finalize (GObject *object)
{
  CbEntityPrivate *priv = PRIV (object);

  if (priv->slots != NULL)
    {
      for (guint i = 0; i < priv->def->n_fields; i++)
        _cb_slot_clear (&priv->def->fields[i], &priv->slots[i]);
      g_free (priv->slots);
    }
  g_clear_pointer (&priv->extras, g_ptr_array_unref);

  G_OBJECT_CLASS (cb_entity_parent_class)->finalize (object);
}

void
_cb_entity_get_field_property (CbEntity *self,
                               guint     index,
                               GValue   *value)
{
  CbEntityPrivate *priv = PRIV (self);
  const CbFieldDef *def = &priv->def->fields[index];
  CbSlot *slot = &priv->slots[index];

  switch (def->type)
    {
    case CB_FIELD_ID:
    case CB_FIELD_STRING:
    case CB_FIELD_TEXT:
    case CB_FIELD_ENUM:
    case CB_FIELD_REF:
      g_value_set_string (value, slot->v.s);
      break;
    case CB_FIELD_INT:
      g_value_set_int64 (value, slot->present ? slot->v.i : 0);
      break;
    case CB_FIELD_NUMBER:
      g_value_set_double (value, slot->present ? slot->v.d : 0.0);
      break;
    case CB_FIELD_REF_LIST:
    case CB_FIELD_STRING_LIST:
      g_value_set_boxed (value, slot->v.strv);
      break;
    case CB_FIELD_OBJECT:
      g_value_set_object (value, slot->v.obj);
      break;
    case CB_FIELD_LIST:
      g_value_set_object (value, _cb_entity_ensure_list (self, index));
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_cb_entity_set_field_property (CbEntity     *self,
                               guint         index,
                               const GValue *value)
{
  CbEntityPrivate *priv = PRIV (self);
  const CbFieldDef *def = &priv->def->fields[index];

  switch (def->type)
    {
    case CB_FIELD_ID:
      cb_entity_set_id (self, g_value_get_string (value));
      break;
    case CB_FIELD_STRING:
    case CB_FIELD_TEXT:
    case CB_FIELD_ENUM:
    case CB_FIELD_REF:
      cb_entity_set_string (self, def->name, g_value_get_string (value));
      break;
    case CB_FIELD_INT:
      cb_entity_set_int (self, def->name, g_value_get_int64 (value));
      break;
    case CB_FIELD_NUMBER:
      cb_entity_set_number (self, def->name, g_value_get_double (value));
      break;
    case CB_FIELD_REF_LIST:
    case CB_FIELD_STRING_LIST:
      cb_entity_set_strv (self, def->name, g_value_get_boxed (value));
      break;
    case CB_FIELD_OBJECT:
    case CB_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
}

static void
cb_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CbEntityPrivate *priv = PRIV (object);

  if (prop_id >= 1 && prop_id <= priv->def->n_fields)
    _cb_entity_get_field_property (CB_ENTITY (object), prop_id - 1, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cb_entity_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CbEntityPrivate *priv = PRIV (object);

  if (prop_id >= 1 && prop_id <= priv->def->n_fields)
    _cb_entity_set_field_property (CB_ENTITY (object), prop_id - 1, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cb_entity_class_init (CbEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cb_entity_constructed;
  object_class->dispose = cb_entity_dispose;
  object_class->finalize = cb_entity_finalize;
  object_class->get_property = cb_entity_get_property;
  object_class->set_property = cb_entity_set_property;
}

static void
cb_entity_init (CbEntity *self)
{
}

void
_cb_entity_class_setup (CbEntityClass *klass,
                        CbKind         kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const CbKindDef *def = cb_kind_get_def (kind);

  klass->kind_def = def;
  klass->field_pspecs = g_new0 (GParamSpec *, def->n_fields);

  /* GObject wants the class that installs properties to handle them. */
  if (object_class->get_property == NULL)
    object_class->get_property = cb_entity_get_property;
  if (object_class->set_property == NULL)
    object_class->set_property = cb_entity_set_property;

  for (guint i = 0; i < def->n_fields; i++)
    {
      const CbFieldDef *field = &def->fields[i];
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
      GParamSpec *pspec;

      switch (field->type)
        {
        case CB_FIELD_ID:
        case CB_FIELD_STRING:
        case CB_FIELD_TEXT:
        case CB_FIELD_ENUM:
        case CB_FIELD_REF:
          pspec = g_param_spec_string (field->prop_name, NULL, NULL, NULL, flags);
          break;
        case CB_FIELD_INT:
          pspec = g_param_spec_int64 (field->prop_name, NULL, NULL,
                                      G_MININT64, G_MAXINT64, 0, flags);
          break;
        case CB_FIELD_NUMBER:
          pspec = g_param_spec_double (field->prop_name, NULL, NULL,
                                       -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        case CB_FIELD_REF_LIST:
        case CB_FIELD_STRING_LIST:
          pspec = g_param_spec_boxed (field->prop_name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case CB_FIELD_OBJECT:
          pspec = g_param_spec_object (field->prop_name, NULL, NULL, CB_TYPE_ENTITY,
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                       G_PARAM_EXPLICIT_NOTIFY);
          break;
        case CB_FIELD_LIST:
          pspec = g_param_spec_object (field->prop_name, NULL, NULL, G_TYPE_LIST_MODEL,
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
          break;
        default:
          g_assert_not_reached ();
        }
      klass->field_pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

#define CB_DEFINE_ENTITY_TYPE(TypeName, type_name, KIND)                \
  struct _##TypeName { CbEntity parent_instance; };                     \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, CB_TYPE_ENTITY)             \
  static void type_name##_class_init (TypeName##Class *klass)           \
  { _cb_entity_class_setup (CB_ENTITY_CLASS (klass), KIND); }           \
  static void type_name##_init (TypeName *self) { }

CB_DEFINE_ENTITY_TYPE (CbInstitution, cb_institution, CB_KIND_INSTITUTION)
CB_DEFINE_ENTITY_TYPE (CbProgram, cb_program, CB_KIND_PROGRAM)
CB_DEFINE_ENTITY_TYPE (CbPerson, cb_person, CB_KIND_PERSON)
CB_DEFINE_ENTITY_TYPE (CbPartner, cb_partner, CB_KIND_PARTNER)
CB_DEFINE_ENTITY_TYPE (CbAgreement, cb_agreement, CB_KIND_AGREEMENT)
CB_DEFINE_ENTITY_TYPE (CbResponsibility, cb_responsibility, CB_KIND_RESPONSIBILITY)
CB_DEFINE_ENTITY_TYPE (CbSkill, cb_skill, CB_KIND_SKILL)
CB_DEFINE_ENTITY_TYPE (CbSkillSource, cb_skill_source, CB_KIND_SKILL_SOURCE)
CB_DEFINE_ENTITY_TYPE (CbOutcome, cb_outcome, CB_KIND_OUTCOME)
CB_DEFINE_ENTITY_TYPE (CbIndicator, cb_indicator, CB_KIND_INDICATOR)
CB_DEFINE_ENTITY_TYPE (CbCourse, cb_course, CB_KIND_COURSE)
CB_DEFINE_ENTITY_TYPE (CbHours, cb_hours, CB_KIND_HOURS)
CB_DEFINE_ENTITY_TYPE (CbTeamMember, cb_team_member, CB_KIND_TEAM_MEMBER)
CB_DEFINE_ENTITY_TYPE (CbTextbook, cb_textbook, CB_KIND_TEXTBOOK)
CB_DEFINE_ENTITY_TYPE (CbObjective, cb_objective, CB_KIND_OBJECTIVE)
CB_DEFINE_ENTITY_TYPE (CbSupport, cb_support, CB_KIND_SUPPORT)
CB_DEFINE_ENTITY_TYPE (CbModule, cb_module, CB_KIND_MODULE)
CB_DEFINE_ENTITY_TYPE (CbModuleSkill, cb_module_skill, CB_KIND_MODULE_SKILL)
CB_DEFINE_ENTITY_TYPE (CbPracticalProject, cb_practical_project, CB_KIND_PRACTICAL_PROJECT)
CB_DEFINE_ENTITY_TYPE (CbResource, cb_resource, CB_KIND_RESOURCE)
CB_DEFINE_ENTITY_TYPE (CbAssessment, cb_assessment, CB_KIND_ASSESSMENT)
CB_DEFINE_ENTITY_TYPE (CbTarget, cb_target, CB_KIND_TARGET)
CB_DEFINE_ENTITY_TYPE (CbOffering, cb_offering, CB_KIND_OFFERING)
CB_DEFINE_ENTITY_TYPE (CbResult, cb_result, CB_KIND_RESULT)
CB_DEFINE_ENTITY_TYPE (CbReview, cb_review, CB_KIND_REVIEW)
CB_DEFINE_ENTITY_TYPE (CbReply, cb_reply, CB_KIND_REPLY)

/* Construction and identity */

/**
 * cb_entity_new:
 * @kind: the kind of record
 *
 * Creates an empty, detached record (without an id: see
 * cb_entity_new_with_id()).
 *
 * Returns: (transfer full): a new record
 */
CbEntity *
cb_entity_new (CbKind kind)
{
  g_return_val_if_fail (kind < CB_N_KINDS, NULL);
  return g_object_new (cb_kind_get_gtype (kind), NULL);
}

/**
 * cb_entity_new_with_id:
 * @kind: the kind of record
 *
 * Creates an empty, detached record with a new random id where its kind
 * carries one.
 *
 * Returns: (transfer full): a new record
 */
CbEntity *
cb_entity_new_with_id (CbKind kind)
{
  CbEntity *self = cb_entity_new (kind);

  if (cb_kind_has_id (kind))
    {
      g_autofree char *id = g_uuid_string_random ();

      cb_entity_set_id (self, id);
    }
  return self;
}

CbKind
cb_entity_get_kind (CbEntity *self)
{
  g_return_val_if_fail (CB_IS_ENTITY (self), CB_N_KINDS);
  return PRIV (self)->def->kind;
}

const CbKindDef *
cb_entity_get_kind_def (CbEntity *self)
{
  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  return PRIV (self)->def;
}

const char *
cb_entity_get_id (CbEntity *self)
{
  CbEntityPrivate *priv;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  priv = PRIV (self);
  if (priv->def->id_field < 0)
    return NULL;
  return priv->slots[priv->def->id_field].v.s;
}

/**
 * cb_entity_set_id:
 * @self: a record whose kind has ids
 * @id: the id
 *
 * Gives the record its id. Ids never change once written, so this only
 * works while the record has none.
 *
 * Returns: %TRUE if the id was set
 */
gboolean
cb_entity_set_id (CbEntity   *self,
                  const char *id)
{
  CbEntityPrivate *priv;

  g_return_val_if_fail (CB_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (id != NULL && *id != '\0', FALSE);

  priv = PRIV (self);
  g_return_val_if_fail (priv->def->id_field >= 0, FALSE);

  if (priv->slots[priv->def->id_field].present)
    return g_strcmp0 (priv->slots[priv->def->id_field].v.s, id) == 0;

  cb_entity_set_string (self, "id", id);
  return TRUE;
}

/**
 * cb_entity_get_display_name:
 *
 * Returns: (transfer none): how to name the record to a person: its title,
 * name, code or id, whichever it has first.
 */
const char *
cb_entity_get_display_name (CbEntity *self)
{
  CbEntityPrivate *priv;
  const char *candidates[] = { NULL, "title", "name", "code", "text", "term", "id" };

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  priv = PRIV (self);

  if (priv->def->title_field >= 0)
    candidates[0] = priv->def->fields[priv->def->title_field].name;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      int index;

      if (candidates[i] == NULL)
        continue;
      index = cb_kind_find_field (priv->def->kind, candidates[i]);
      if (index >= 0 && priv->def->fields[index].type != CB_FIELD_OBJECT &&
          priv->def->fields[index].type != CB_FIELD_LIST &&
          priv->def->fields[index].type != CB_FIELD_INT &&
          priv->def->fields[index].type != CB_FIELD_NUMBER &&
          priv->def->fields[index].type != CB_FIELD_REF_LIST &&
          priv->def->fields[index].type != CB_FIELD_STRING_LIST &&
          priv->slots[index].v.s != NULL && *priv->slots[index].v.s != '\0')
        return priv->slots[index].v.s;
    }
  return cb_kind_get_label (priv->def->kind);
}

/* Place in the tree */

CbProject *
cb_entity_get_project (CbEntity *self)
{
  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  return PRIV (self)->project;
}

CbEntity *
cb_entity_get_parent (CbEntity *self)
{
  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  return PRIV (self)->parent;
}

const char *
cb_entity_get_parent_field (CbEntity *self)
{
  CbEntityPrivate *priv;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  priv = PRIV (self);
  if (priv->parent == NULL)
    return NULL;
  return PRIV (priv->parent)->def->fields[priv->parent_field].name;
}

/**
 * cb_entity_get_ancestor:
 *
 * Returns: (transfer none) (nullable): the nearest record of @kind that
 * contains @self (or @self itself when it is of that kind)
 */
CbEntity *
cb_entity_get_ancestor (CbEntity *self,
                        CbKind    kind)
{
  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);

  for (CbEntity *e = self; e != NULL; e = PRIV (e)->parent)
    if (PRIV (e)->def->kind == kind)
      return e;
  return NULL;
}

/**
 * cb_entity_get_position:
 *
 * Returns: the record's index in its parent's list, or -1 when it is not
 * in a list
 */
int
cb_entity_get_position (CbEntity *self)
{
  CbEntityPrivate *priv;
  CbEntityPrivate *parent_priv;

  g_return_val_if_fail (CB_IS_ENTITY (self), -1);
  priv = PRIV (self);
  if (priv->parent == NULL)
    return -1;
  parent_priv = PRIV (priv->parent);
  if (parent_priv->def->fields[priv->parent_field].type != CB_FIELD_LIST)
    return -1;
  return _cb_list_find (parent_priv->slots[priv->parent_field].v.list, self);
}

/**
 * cb_entity_dup_path:
 *
 * Returns: (transfer full): the record's JSON path in the project, such as
 * `courses[2].modules[0]`; "" for the project itself
 */
char *
cb_entity_dup_path (CbEntity *self)
{
  GPtrArray *parts;
  GString *path;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);

  parts = g_ptr_array_new_with_free_func (g_free);
  for (CbEntity *e = self; PRIV (e)->parent != NULL; e = PRIV (e)->parent)
    {
      int position = cb_entity_get_position (e);

      if (position >= 0)
        g_ptr_array_add (parts, g_strdup_printf ("%s[%d]", cb_entity_get_parent_field (e), position));
      else
        g_ptr_array_add (parts, g_strdup (cb_entity_get_parent_field (e)));
    }

  path = g_string_new (NULL);
  for (guint i = parts->len; i > 0; i--)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, g_ptr_array_index (parts, i - 1));
    }
  g_ptr_array_unref (parts);
  return g_string_free (path, FALSE);
}

/* Reading members */

const CbKindDef *
_cb_entity_def (CbEntity *self)
{
  return PRIV (self)->def;
}

CbSlot *
_cb_entity_get_slots (CbEntity *self)
{
  return PRIV (self)->slots;
}

CbSlot *
_cb_entity_get_slot (CbEntity          *self,
                     const char        *field,
                     const CbFieldDef **def,
                     guint             *index)
{
  CbEntityPrivate *priv = PRIV (self);
  int i = cb_kind_find_field (priv->def->kind, field);

  if (i < 0)
    {
      g_critical ("A %s has no member \"%s\"", priv->def->name, field);
      return NULL;
    }
  if (def)
    *def = &priv->def->fields[i];
  if (index)
    *index = (guint) i;
  return &priv->slots[i];
}

gboolean
cb_entity_has_field (CbEntity   *self,
                     const char *field)
{
  CbSlot *slot;

  g_return_val_if_fail (CB_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  slot = _cb_entity_get_slot (self, field, NULL, NULL);
  return slot != NULL && slot->present;
}

CbSlot *
_cb_entity_get_typed_slot (CbEntity          *self,
                const char        *field,
                guint              type_mask,
                const CbFieldDef **def,
                guint             *index)
{
  const CbFieldDef *d = NULL;
  CbSlot *slot = _cb_entity_get_slot (self, field, &d, index);

  if (slot == NULL)
    return NULL;
  if (((1u << d->type) & type_mask) == 0)
    {
      g_critical ("The member \"%s\" of a %s has another type", field, PRIV (self)->def->name);
      return NULL;
    }
  if (def)
    *def = d;
  return slot;
}


/**
 * cb_entity_get_string:
 *
 * Returns: (transfer none) (nullable): the member's value, %NULL if absent
 */
const char *
cb_entity_get_string (CbEntity   *self,
                      const char *field)
{
  CbSlot *slot;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  slot = _cb_entity_get_typed_slot (self, field, STRING_TYPES, NULL, NULL);
  return slot ? slot->v.s : NULL;
}

gint64
cb_entity_get_int (CbEntity   *self,
                   const char *field)
{
  CbSlot *slot;

  g_return_val_if_fail (CB_IS_ENTITY (self), 0);
  slot = _cb_entity_get_typed_slot (self, field, 1u << CB_FIELD_INT, NULL, NULL);
  return (slot && slot->present) ? slot->v.i : 0;
}

double
cb_entity_get_number (CbEntity   *self,
                      const char *field)
{
  CbSlot *slot;

  g_return_val_if_fail (CB_IS_ENTITY (self), 0.0);
  slot = _cb_entity_get_typed_slot (self, field, 1u << CB_FIELD_NUMBER, NULL, NULL);
  return (slot && slot->present) ? slot->v.d : 0.0;
}

/**
 * cb_entity_get_strv:
 *
 * Returns: (transfer none) (nullable): the list of strings or ids
 */
const char * const *
cb_entity_get_strv (CbEntity   *self,
                    const char *field)
{
  CbSlot *slot;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  slot = _cb_entity_get_typed_slot (self, field, STRV_TYPES, NULL, NULL);
  return slot ? (const char * const *) slot->v.strv : NULL;
}

/**
 * cb_entity_get_object:
 *
 * Returns: (transfer none) (nullable): the nested record, %NULL if absent
 */
CbEntity *
cb_entity_get_object (CbEntity   *self,
                      const char *field)
{
  CbSlot *slot;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  slot = _cb_entity_get_typed_slot (self, field, 1u << CB_FIELD_OBJECT, NULL, NULL);
  return slot ? slot->v.obj : NULL;
}

CbList *
_cb_entity_ensure_list (CbEntity *self,
                        guint     index)
{
  CbEntityPrivate *priv = PRIV (self);
  CbSlot *slot = &priv->slots[index];

  g_assert (priv->def->fields[index].type == CB_FIELD_LIST);
  if (slot->v.list == NULL)
    slot->v.list = _cb_list_new (cb_kind_get_gtype (priv->def->fields[index].child_kind));
  return slot->v.list;
}

/**
 * cb_entity_get_children:
 *
 * Returns: (transfer none): the list of nested records, possibly empty
 */
GListModel *
cb_entity_get_children (CbEntity   *self,
                        const char *field)
{
  guint index;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  if (_cb_entity_get_typed_slot (self, field, 1u << CB_FIELD_LIST, NULL, &index) == NULL)
    return NULL;
  return G_LIST_MODEL (_cb_entity_ensure_list (self, index));
}

guint
cb_entity_get_n_children (CbEntity   *self,
                          const char *field)
{
  CbSlot *slot;

  g_return_val_if_fail (CB_IS_ENTITY (self), 0);
  slot = _cb_entity_get_typed_slot (self, field, 1u << CB_FIELD_LIST, NULL, NULL);
  if (slot == NULL || slot->v.list == NULL)
    return 0;
  return _cb_list_get_n (slot->v.list);
}

/**
 * cb_entity_get_child:
 *
 * Returns: (transfer none) (nullable): the nested record at @position
 */
CbEntity *
cb_entity_get_child (CbEntity   *self,
                     const char *field,
                     guint       position)
{
  CbSlot *slot;
  CbEntity *child;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  slot = _cb_entity_get_typed_slot (self, field, 1u << CB_FIELD_LIST, NULL, NULL);
  if (slot == NULL || slot->v.list == NULL)
    return NULL;
  if (position >= _cb_list_get_n (slot->v.list))
    return NULL;
  child = _cb_list_peek (slot->v.list, position);
  return child;
}

/* Unknown members */

GPtrArray *
_cb_entity_get_extras (CbEntity *self)
{
  return PRIV (self)->extras;
}

/* Takes ownership of @value. */
void
_cb_entity_take_extra (CbEntity   *self,
                       int         anchor,
                       const char *name,
                       gsize       name_len,
                       CbJson     *value)
{
  CbEntityPrivate *priv = PRIV (self);
  CbExtra *extra = g_new (CbExtra, 1);

  extra->anchor = anchor;
  extra->name = g_strndup (name, name_len);
  extra->value = value;
  if (priv->extras == NULL)
    priv->extras = g_ptr_array_new_with_free_func ((GDestroyNotify) _cb_extra_free);
  g_ptr_array_add (priv->extras, extra);
}

void
_cb_entity_add_extra (CbEntity     *self,
                      int           anchor,
                      const char   *name,
                      gsize         name_len,
                      const CbJson *value)
{
  _cb_entity_take_extra (self, anchor, name, name_len, cb_json_copy (value));
}

void
_cb_entity_restore_extra (CbEntity *self,
                          CbExtra  *extra,
                          guint     position)
{
  CbEntityPrivate *priv = PRIV (self);

  if (priv->extras == NULL)
    priv->extras = g_ptr_array_new_with_free_func ((GDestroyNotify) _cb_extra_free);
  /* Back where it was among the unknown members, in the order of the file. */
  g_ptr_array_insert (priv->extras, (int) MIN (position, priv->extras->len), extra);
}

guint
cb_entity_get_n_unknown (CbEntity *self)
{
  g_return_val_if_fail (CB_IS_ENTITY (self), 0);
  return PRIV (self)->extras ? PRIV (self)->extras->len : 0;
}

const char *
cb_entity_get_unknown_name (CbEntity *self,
                            guint     index)
{
  GPtrArray *extras;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  extras = PRIV (self)->extras;
  g_return_val_if_fail (extras != NULL && index < extras->len, NULL);
  return ((CbExtra *) g_ptr_array_index (extras, index))->name;
}

/**
 * cb_entity_dup_unknown_json:
 *
 * Returns: (transfer full) (nullable): the unknown member's value as JSON
 */
char *
cb_entity_dup_unknown_json (CbEntity   *self,
                            const char *name)
{
  GPtrArray *extras;

  g_return_val_if_fail (CB_IS_ENTITY (self), NULL);
  extras = PRIV (self)->extras;
  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      CbExtra *extra = g_ptr_array_index (extras, i);

      if (g_strcmp0 (extra->name, name) == 0)
        return cb_json_to_string (extra->value);
    }
  return NULL;
}
