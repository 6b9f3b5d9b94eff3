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

typedef struct
{
  const CbKindDef *def;
  CbProject *project;   /* not owned: the project owns the tree */
  CbEntity *parent;     /* not owned */
  guint parent_field;
  CbSlot *slots;
  GPtrArray *extras;    /* of CbExtra, NULL while there are none */
} CbEntityPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CbEntity, cb_entity, G_TYPE_OBJECT)

/* No type check here: the public entry points check their arguments. */
#define PRIV(self) ((CbEntityPrivate *) cb_entity_get_instance_private ((CbEntity *) (self)))

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

        if (def->type == CB_FIELD_OBJECT || def->type == CB_FIELD_LIST)
          _cb_slot_clear (def, &priv->slots[i]);
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

static CbSlot *
get_typed_slot (CbEntity          *self,
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

#define STRING_TYPES ((1u << CB_FIELD_ID) | (1u << CB_FIELD_STRING) | (1u << CB_FIELD_TEXT) | \
                      (1u << CB_FIELD_ENUM) | (1u << CB_FIELD_REF))
#define STRV_TYPES ((1u << CB_FIELD_REF_LIST) | (1u << CB_FIELD_STRING_LIST))

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
  slot = get_typed_slot (self, field, STRING_TYPES, NULL, NULL);
  return slot ? slot->v.s : NULL;
}

gint64
cb_entity_get_int (CbEntity   *self,
                   const char *field)
{
  CbSlot *slot;

  g_return_val_if_fail (CB_IS_ENTITY (self), 0);
  slot = get_typed_slot (self, field, 1u << CB_FIELD_INT, NULL, NULL);
  return (slot && slot->present) ? slot->v.i : 0;
}

double
cb_entity_get_number (CbEntity   *self,
                      const char *field)
{
  CbSlot *slot;

  g_return_val_if_fail (CB_IS_ENTITY (self), 0.0);
  slot = get_typed_slot (self, field, 1u << CB_FIELD_NUMBER, NULL, NULL);
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
  slot = get_typed_slot (self, field, STRV_TYPES, NULL, NULL);
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
  slot = get_typed_slot (self, field, 1u << CB_FIELD_OBJECT, NULL, NULL);
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
  if (get_typed_slot (self, field, 1u << CB_FIELD_LIST, NULL, &index) == NULL)
    return NULL;
  return G_LIST_MODEL (_cb_entity_ensure_list (self, index));
}

guint
cb_entity_get_n_children (CbEntity   *self,
                          const char *field)
{
  CbSlot *slot;

  g_return_val_if_fail (CB_IS_ENTITY (self), 0);
  slot = get_typed_slot (self, field, 1u << CB_FIELD_LIST, NULL, NULL);
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
  slot = get_typed_slot (self, field, 1u << CB_FIELD_LIST, NULL, NULL);
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
                          CbExtra  *extra)
{
  CbEntityPrivate *priv = PRIV (self);
  guint position = 0;

  if (priv->extras == NULL)
    priv->extras = g_ptr_array_new_with_free_func ((GDestroyNotify) _cb_extra_free);
  /* Back among the members with the same anchor, in the order of the file. */
  while (position < priv->extras->len &&
         ((CbExtra *) g_ptr_array_index (priv->extras, position))->anchor <= extra->anchor)
    position++;
  g_ptr_array_insert (priv->extras, (int) position, extra);
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
 *
 * Sets member @index to a copy of @value without recording anything.
 */
void
_cb_entity_apply_slot (CbEntity      *self,
                       guint          index,
                       const CbSlot  *value,
                       CbExtra      **removed_extra)
{
  CbEntityPrivate *priv = PRIV (self);
  const CbFieldDef *def = &priv->def->fields[index];
  CbSlot *slot = &priv->slots[index];
  g_autofree char *old_id = NULL;

  if (removed_extra)
    *removed_extra = NULL;

  /* A member that was kept as written because its type was wrong gives way
   * to the value the user sets now. */
  if (value->present && priv->extras != NULL)
    for (guint i = 0; i < priv->extras->len; i++)
      {
        CbExtra *extra = g_ptr_array_index (priv->extras, i);

        if (strcmp (extra->name, def->name) == 0)
          {
            CbExtra *stolen = g_ptr_array_steal_index (priv->extras, i);

            if (removed_extra)
              *removed_extra = stolen;
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

  if (priv->extras != NULL && value->present)
    for (guint i = 0; i < priv->extras->len && !has_wrong_typed; i++)
      has_wrong_typed = strcmp (((CbExtra *) g_ptr_array_index (priv->extras, i))->name,
                                def->name) == 0;
  if (!has_wrong_typed && slots_equal (def, &priv->slots[index], value))
    return;

  if (priv->project == NULL)
    {
      _cb_entity_apply_slot (self, index, value, NULL);
      return;
    }

  command = _cb_command_new (CB_COMMAND_SET, self, index);
  _cb_slot_copy (def, &priv->slots[index], &command->old_value);
  _cb_slot_copy (def, value, &command->new_value);
  _cb_entity_apply_slot (self, index, value, &removed);
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
  return get_typed_slot (self, field, type_mask, def, index) != NULL;
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
  current = get_typed_slot (self, field, 1u << CB_FIELD_OBJECT, &def, &index);
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

/* Writing */

static void
write_extras (GString   *out,
              GPtrArray *extras,
              int        anchor,
              guint      depth,
              gboolean  *first)
{
  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      CbExtra *extra = g_ptr_array_index (extras, i);

      if (extra->anchor != anchor)
        continue;
      g_string_append (out, *first ? "\n" : ",\n");
      *first = FALSE;
      cb_json_write_indent (out, depth + 1);
      cb_json_write_string (out, extra->name, -1);
      g_string_append (out, ": ");
      cb_json_write_value (out, extra->value, depth + 1);
    }
}

static void
write_strv (GString *out,
            char   **strv,
            guint    depth)
{
  if (strv == NULL || strv[0] == NULL)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; strv[i] != NULL; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      cb_json_write_indent (out, depth + 1);
      cb_json_write_string (out, strv[i], -1);
    }
  g_string_append_c (out, '\n');
  cb_json_write_indent (out, depth);
  g_string_append_c (out, ']');
}

/**
 * _cb_entity_write:
 *
 * Writes the record in canonical form: the members in the order of the
 * format, unknown members after the member they followed in the file,
 * 2-space indentation starting at @depth.
 */
void
_cb_entity_write (CbEntity *self,
                  GString  *out,
                  guint     depth)
{
  CbEntityPrivate *priv = PRIV (self);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  write_extras (out, priv->extras, -1, depth, &first);
  for (guint i = 0; i < priv->def->n_fields; i++)
    {
      const CbFieldDef *def = &priv->def->fields[i];
      CbSlot *slot = &priv->slots[i];

      if (slot->present)
        {
          g_string_append (out, first ? "\n" : ",\n");
          first = FALSE;
          cb_json_write_indent (out, depth + 1);
          cb_json_write_string (out, def->name, -1);
          g_string_append (out, ": ");

          switch (def->type)
            {
            case CB_FIELD_ID:
            case CB_FIELD_STRING:
            case CB_FIELD_TEXT:
            case CB_FIELD_ENUM:
            case CB_FIELD_REF:
              cb_json_write_string (out, slot->v.s, -1);
              break;
            case CB_FIELD_INT:
              g_string_append_printf (out, "%" G_GINT64_FORMAT, slot->v.i);
              break;
            case CB_FIELD_NUMBER:
              cb_json_write_double (out, slot->v.d);
              break;
            case CB_FIELD_REF_LIST:
            case CB_FIELD_STRING_LIST:
              write_strv (out, slot->v.strv, depth + 1);
              break;
            case CB_FIELD_OBJECT:
              _cb_entity_write (slot->v.obj, out, depth + 1);
              break;
            case CB_FIELD_LIST:
              {
                guint n = slot->v.list ? _cb_list_get_n (slot->v.list) : 0;

                if (n == 0)
                  {
                    g_string_append (out, "[]");
                    break;
                  }
                g_string_append_c (out, '[');
                for (guint j = 0; j < n; j++)
                  {
                    g_string_append (out, j == 0 ? "\n" : ",\n");
                    cb_json_write_indent (out, depth + 2);
                    _cb_entity_write (_cb_list_peek (slot->v.list, j), out, depth + 2);
                  }
                g_string_append_c (out, '\n');
                cb_json_write_indent (out, depth + 1);
                g_string_append_c (out, ']');
              }
              break;
            default:
              g_assert_not_reached ();
            }
        }
      write_extras (out, priv->extras, (int) i, depth, &first);
    }

  if (first)
    {
      g_string_append (out, "}");
      return;
    }
  g_string_append_c (out, '\n');
  cb_json_write_indent (out, depth);
  g_string_append_c (out, '}');
}
