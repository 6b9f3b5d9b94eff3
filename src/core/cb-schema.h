/* cb-schema.h: the project format as data
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every kind of record is described once here: its JSON name, its members
 * in the canonical order of format.md and each member's type. Loading,
 * saving, validation, undo and the GObject properties of the entity classes
 * are all driven by these tables, so a member added to the format is added
 * in one place.
 */
#pragma once

#include "cb-types.h"

G_BEGIN_DECLS

typedef enum {
  CB_FIELD_ID,          /* the record's own id: a string */
  CB_FIELD_STRING,      /* a single-line string */
  CB_FIELD_TEXT,        /* a multi-line plain-text string */
  CB_FIELD_ENUM,        /* a string from a fixed list of values */
  CB_FIELD_INT,         /* an integer */
  CB_FIELD_NUMBER,      /* a number (double) */
  CB_FIELD_REF,         /* the id of another entity */
  CB_FIELD_REF_LIST,    /* an array of ids */
  CB_FIELD_STRING_LIST, /* an array of strings */
  CB_FIELD_OBJECT,      /* a nested record of one kind */
  CB_FIELD_LIST,        /* an array of records of one kind */
} CbFieldType;

typedef struct {
  const char *name;           /* the JSON member name, e.g. "level_required" */
  const char *prop_name;      /* the GObject property name, e.g. "level-required" */
  CbFieldType type;
  CbKind child_kind;          /* OBJECT and LIST: the kind of the nested records */
  const CbKind *ref_kinds;    /* REF and REF_LIST: allowed kinds, ended by CB_N_KINDS */
  const char * const *values; /* ENUM: the allowed values, NULL-terminated */
  double min, max;            /* INT and NUMBER: the allowed range (min > max: any) */
  gboolean is_key;            /* the member that keys a mapping record */
} CbFieldDef;

typedef struct {
  CbKind kind;
  const char *name;           /* e.g. "course", "module-skill" */
  const CbFieldDef *fields;
  guint n_fields;
  int id_field;               /* index of the id member, or -1 for plain records */
  int key_field;              /* index of the key member of mapping records, or -1 */
  int title_field;            /* the member that names a record to a person, or -1 */
} CbKindDef;

const CbKindDef  *cb_kind_get_def        (CbKind kind);
const char       *cb_kind_get_name       (CbKind kind);
const char       *cb_kind_get_label      (CbKind kind);
gboolean          cb_kind_has_id         (CbKind kind);
GType             cb_kind_get_gtype      (CbKind kind);
int               cb_kind_find_field     (CbKind kind,
                                          const char *name);
int               cb_kind_find_field_len (CbKind kind,
                                          const char *name,
                                          gsize       len);
gboolean          cb_field_allows_kind   (const CbFieldDef *def,
                                          CbKind            kind);
guint             cb_id_hash             (gconstpointer     key);
const char       *cb_field_get_label     (CbKind            kind,
                                          const char       *field);
const char       *cb_value_get_label     (const char       *value);
gboolean          cb_field_enum_is_valid (const CbFieldDef *def,
                                          const char       *value);

#define CB_FORMAT_NAME "coursebridge-project"
#define CB_FORMAT_VERSION 1

G_END_DECLS
