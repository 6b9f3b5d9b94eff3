/* cb-entity-private.h: what the core's files share about records
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-entity.h"
#include "cb-json.h"
#include "cb-list.h"

G_BEGIN_DECLS

/* The value of one member. Which union member is used follows the field's
 * CbFieldType; `present` distinguishes an absent member from an empty one. */
typedef struct {
  gboolean present;
  union {
    char *s;          /* ID, STRING, TEXT, ENUM, REF */
    gint64 i;         /* INT */
    double d;         /* NUMBER */
    char **strv;      /* REF_LIST, STRING_LIST */
    CbEntity *obj;    /* OBJECT (owned) */
    CbList *list;     /* LIST (owned, created on demand) */
  } v;
} CbSlot;

/* A member the format does not know, or a known one with the wrong type,
 * written back after the known member it followed (`anchor`, or -1 for
 * the start of the object). */
typedef struct {
  int anchor;
  char *name;
  CbJson *value;
} CbExtra;

/* Without type checks, for the walks over every record. */
const CbKindDef *_cb_entity_def         (CbEntity        *self);
CbSlot     *_cb_entity_get_slots        (CbEntity        *self);

/* The record's private part, for the files that implement records. */
typedef struct _CbEntityPrivate CbEntityPrivate;
struct _CbEntityPrivate
{
  const CbKindDef *def;
  CbProject *project;   /* not owned: the project owns the tree */
  CbEntity *parent;     /* not owned */
  guint parent_field;
  CbSlot *slots;
  GPtrArray *extras;    /* of CbExtra, NULL while there are none */
};

CbEntityPrivate *_cb_entity_get_private (CbEntity        *self);

#define STRING_TYPES ((1u << CB_FIELD_ID) | (1u << CB_FIELD_STRING) | (1u << CB_FIELD_TEXT) | \
                      (1u << CB_FIELD_ENUM) | (1u << CB_FIELD_REF))
#define STRV_TYPES ((1u << CB_FIELD_REF_LIST) | (1u << CB_FIELD_STRING_LIST))

CbSlot     *_cb_entity_get_typed_slot   (CbEntity          *self,
                                         const char        *field,
                                         guint              type_mask,
                                         const CbFieldDef **def,
                                         guint             *index);
CbSlot     *_cb_entity_get_slot         (CbEntity        *self,
                                         const char      *field,
                                         const CbFieldDef **def,
                                         guint           *index);
CbList     *_cb_entity_ensure_list      (CbEntity        *self,
                                         guint            index);
GPtrArray  *_cb_entity_get_extras       (CbEntity        *self);
void        _cb_entity_add_extra        (CbEntity        *self,
                                         int              anchor,
                                         const char      *name,
                                         gsize            name_len,
                                         const CbJson    *value);
void        _cb_entity_take_extra       (CbEntity        *self,
                                         int              anchor,
                                         const char      *name,
                                         gsize            name_len,
                                         CbJson          *value);
void        _cb_extra_free              (CbExtra         *extra);

/* Direct changes that record nothing: used by loading, by undo and redo,
 * and by the recording wrappers themselves. */
void        _cb_slot_clear              (const CbFieldDef *def,
                                         CbSlot          *slot);
void        _cb_slot_copy               (const CbFieldDef *def,
                                         const CbSlot    *src,
                                         CbSlot          *dest);
void        _cb_entity_apply_slot       (CbEntity        *self,
                                         guint            index,
                                         const CbSlot    *value,
                                         CbExtra        **removed_extra,
                                         guint           *removed_position);
void        _cb_entity_restore_extra    (CbEntity        *self,
                                         CbExtra         *extra,
                                         guint            position);
void        _cb_entity_apply_insert     (CbEntity        *self,
                                         guint            index,
                                         guint            position,
                                         CbEntity        *child);
CbEntity   *_cb_entity_apply_remove     (CbEntity        *self,
                                         guint            index,
                                         guint            position);
void        _cb_entity_set_list_present (CbEntity        *self,
                                         guint            index,
                                         gboolean         present);
void        _cb_entity_attach           (CbEntity        *self,
                                         CbProject       *project,
                                         CbEntity        *parent,
                                         guint            parent_field);
void        _cb_entity_detach           (CbEntity        *self);
void        _cb_entity_class_setup      (CbEntityClass   *klass,
                                         CbKind           kind);
void        _cb_entity_get_field_property (CbEntity      *self,
                                           guint          index,
                                           GValue        *value);
void        _cb_entity_set_field_property (CbEntity      *self,
                                           guint          index,
                                           const GValue  *value);

/* Walks the record and everything nested in it, depth first. */
typedef void (*CbEntityVisitFunc) (CbEntity *entity,
                                   gpointer  user_data);
void        _cb_entity_visit            (CbEntity          *self,
                                         CbEntityVisitFunc  func,
                                         gpointer           user_data);

void        _cb_entity_write            (CbEntity        *self,
                                         GString         *out,
                                         guint            depth);

G_END_DECLS
