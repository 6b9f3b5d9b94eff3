/* cb-project-io.c: reading and writing project files
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading: strict parse (cb-json.c), version check and migration, then the
 * tree is bound to records as far as it is sound; members of the wrong
 * type and unknown members are kept as written for the next save.
 *
 * Saving: canonical serialisation, a check that nobody changed the file
 * since we read it (by content hash, since other tools keep the mtime),
 * then a temporary file beside the target, fsync, rename and fsync of the
 * folder: a crash or a full disk leaves the old file or the new one.
 */

#define G_LOG_DOMAIN "cb-project"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "cb-project-private.h"

#define MAX_PROJECT_SIZE (512 * 1024 * 1024)
#define TEMP_INFIX ".cbsave-"

/* Errors with a place in the file */

typedef struct
{
  guint line;
  guint column;
  char *path;
} CbProjectErrorPrivate;

static void
cb_project_error_private_init (CbProjectErrorPrivate *priv)
{
}

static void
cb_project_error_private_copy (const CbProjectErrorPrivate *src,
                               CbProjectErrorPrivate       *dest)
{
  dest->line = src->line;
  dest->column = src->column;
  dest->path = g_strdup (src->path);
}

static void
cb_project_error_private_clear (CbProjectErrorPrivate *priv)
{
  g_clear_pointer (&priv->path, g_free);
}

G_DEFINE_EXTENDED_ERROR (CbProjectError, cb_project_error)

guint
cb_project_error_get_line (const GError *error)
{
  CbProjectErrorPrivate *priv;

  /* Errors of other domains (a missing file, say) have no place. */
  if (error == NULL || error->domain != CB_PROJECT_ERROR)
    return 0;
  priv = cb_project_error_get_private (error);

  return priv ? priv->line : 0;
}

guint
cb_project_error_get_column (const GError *error)
{
  CbProjectErrorPrivate *priv;

  /* Errors of other domains (a missing file, say) have no place. */
  if (error == NULL || error->domain != CB_PROJECT_ERROR)
    return 0;
  priv = cb_project_error_get_private (error);

  return priv ? priv->column : 0;
}

const char *
cb_project_error_get_path (const GError *error)
{
  CbProjectErrorPrivate *priv;

  /* Errors of other domains (a missing file, say) have no place. */
  if (error == NULL || error->domain != CB_PROJECT_ERROR)
    return NULL;
  priv = cb_project_error_get_private (error);

  return priv ? priv->path : NULL;
}

static void
set_located_error (GError     **error,
                   int          code,
                   guint        line,
                   guint        column,
                   const char  *path,
                   const char  *message)
{
  GError *local = g_error_new_literal (CB_PROJECT_ERROR, code, message);
  CbProjectErrorPrivate *priv = cb_project_error_get_private (local);

  priv->line = line;
  priv->column = column;
  priv->path = g_strdup (path);
  g_propagate_error (error, local);
}

/* Binding the document to records, value by value */

static gboolean
is_integer_value (double v)
{
  /* Only whole numbers a double holds exactly: ±(2^53 − 1). Larger ones may
   * already have been rounded, so they are kept as written instead. */
  return v >= -9007199254740991.0 && v <= 9007199254740991.0 && v == floor (v);
}

static CbJson *
new_number_node (double      value,
                 const char *text,
                 gsize       len)
{
  CbJson *node = g_new0 (CbJson, 1);

  node->type = CB_JSON_NUMBER;
  node->v.number.value = value;
  node->v.number.text = g_strndup (text, len);
  node->v.number.len = len;
  return node;
}

static void bind_object (CbJsonReader *reader, CbEntity *entity);

/* Binds the value at the reader to member @index of @entity. When its type
 * does not fit, the value is read whole into *@raw instead. */
static void
bind_field (CbJsonReader     *reader,
            CbEntity         *entity,
            guint             index,
            const CbFieldDef *def,
            CbJson          **raw)
{
  CbSlot *slot = &_cb_entity_get_slots (entity)[index];
  CbJsonType type;

  *raw = NULL;
  if (!cb_json_reader_peek (reader, &type))
    return;

  switch (def->type)
    {
    case CB_FIELD_ID:
    case CB_FIELD_STRING:
    case CB_FIELD_TEXT:
    case CB_FIELD_ENUM:
    case CB_FIELD_REF:
      {
        const char *str;
        gsize len;

        if (type != CB_JSON_STRING)
          break;
        if (!cb_json_reader_read_string (reader, &str, &len))
          return;
        slot->v.s = g_strndup (str, len);
        slot->present = TRUE;
      }
      return;

    case CB_FIELD_INT:
    case CB_FIELD_NUMBER:
      {
        double value;
        const char *text;
        gsize len;

        if (type != CB_JSON_NUMBER)
          break;
        if (!cb_json_reader_read_number (reader, &value, &text, &len))
          return;
        if (def->type == CB_FIELD_NUMBER)
          slot->v.d = value;
        else if (is_integer_value (value))
          slot->v.i = (gint64) value;
        else
          {
            *raw = new_number_node (value, text, len);
            return;
          }
        slot->present = TRUE;
      }
      return;

    case CB_FIELD_REF_LIST:
    case CB_FIELD_STRING_LIST:
      {
        g_autoptr (GPtrArray) strings = NULL;

        if (type != CB_JSON_ARRAY)
          break;
        if (!cb_json_reader_enter_array (reader))
          return;
        strings = g_ptr_array_new_with_free_func (g_free);
        while (cb_json_reader_next_element (reader))
          {
            const char *str;
            gsize len;

            if (!cb_json_reader_peek (reader, &type))
              return;
            if (type != CB_JSON_STRING)
              {
                /* Not a list of strings after all: keep it all as written. */
                *raw = cb_json_reader_reread_container (reader);
                return;
              }
            if (!cb_json_reader_read_string (reader, &str, &len))
              return;
            g_ptr_array_add (strings, g_strndup (str, len));
          }
        if (cb_json_reader_failed (reader))
          return;
        g_ptr_array_add (strings, NULL);
        slot->v.strv = (char **) g_ptr_array_steal (strings, NULL);
        slot->present = TRUE;
      }
      return;

    case CB_FIELD_OBJECT:
      if (type != CB_JSON_OBJECT)
        break;
      slot->v.obj = cb_entity_new (def->child_kind);
      _cb_entity_attach (slot->v.obj, NULL, entity, index);
      slot->present = TRUE;
      bind_object (reader, slot->v.obj);
      return;

    case CB_FIELD_LIST:
      {
        g_autoptr (GPtrArray) children = NULL;

        if (type != CB_JSON_ARRAY)
          break;
        if (!cb_json_reader_enter_array (reader))
          return;
        children = g_ptr_array_new_with_free_func (g_object_unref);
        while (cb_json_reader_next_element (reader))
          {
            CbEntity *child;

            if (!cb_json_reader_peek (reader, &type))
              return;
            if (type != CB_JSON_OBJECT)
              {
                /* Not a list of records after all: keep it all as written. */
                *raw = cb_json_reader_reread_container (reader);
                return;
              }
            child = cb_entity_new (def->child_kind);
            _cb_entity_attach (child, NULL, entity, index);
            g_ptr_array_add (children, child);
            bind_object (reader, child);
            if (cb_json_reader_failed (reader))
              return;
          }
        if (cb_json_reader_failed (reader))
          return;
        _cb_list_splice (_cb_entity_ensure_list (entity, index), 0, 0,
                         children->pdata, children->len);
        slot->present = TRUE;
      }
      return;

    default:
      g_assert_not_reached ();
    }

  /* The type does not fit: keep the value as written. */
  *raw = cb_json_reader_read_node (reader);
}

/* Binds the object at the reader to @entity, as far as it is sound;
 * unknown and wrongly typed members are kept as written, in place. */
static void
bind_object (CbJsonReader *reader,
             CbEntity     *entity)
{
  CbKind kind = cb_entity_get_kind (entity);
  const CbKindDef *kind_def = cb_kind_get_def (kind);
  const char *name;
  gsize name_len;
  int anchor = -1;

  if (!cb_json_reader_enter_object (reader))
    return;
  while (cb_json_reader_next_member (reader, &name, &name_len))
    {
      int index = cb_kind_find_field_len (kind, name, name_len);
      CbJson *raw = NULL;

      if (index >= 0)
        {
          bind_field (reader, entity, (guint) index, &kind_def->fields[index], &raw);
          if (raw == NULL)
            {
              anchor = index;
              continue;
            }
        }
      else
        raw = cb_json_reader_read_node (reader);
      if (raw == NULL)
        return;
      _cb_entity_take_extra (entity, anchor, name, name_len, raw);
    }
}

/* Versions */

typedef gboolean (*Migration) (CbProject *project, GError **error);

/* migrations[v] turns a project of version v into one of version v + 1.
 * Version 1 is the first version of the format, so there is none yet. */
static const Migration migrations[CB_FORMAT_VERSION] = { NULL };

gboolean
_cb_project_migrate (CbProject  *project,
                     gint64      from_version,
                     GError    **error)
{
  for (gint64 v = from_version; v < CB_FORMAT_VERSION; v++)
    {
      if (v < 0 || migrations[v] == NULL)
        {
          g_set_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_OLD_VERSION,
                       _("The file has format version %lld, which this version of Coursebridge cannot read."),
                       (long long) from_version);
          return FALSE;
        }
      if (!migrations[v] (project, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint line;
  guint column;
} Place;

static gboolean
check_header (CbProject    *project,
              CbLoadFlags   flags,
              const Place  *format_at,
              const Place  *version_at,
              gint64       *version,
              GError      **error)
{
  CbEntity *root = CB_ENTITY (project);

  if (g_strcmp0 (cb_entity_get_string (root, "format"), CB_FORMAT_NAME) != 0)
    {
      set_located_error (error, CB_PROJECT_ERROR_NOT_A_PROJECT, format_at->line, format_at->column,
                         "format",
                         _("The file holds JSON, but not a Coursebridge project: its “format” member is not “coursebridge-project”."));
      return FALSE;
    }

  if (!cb_entity_has_field (root, "format_version"))
    {
      set_located_error (error, CB_PROJECT_ERROR_NOT_A_PROJECT, version_at->line, version_at->column,
                         "format_version",
                         _("The project has no valid “format_version”: it must be a whole number."));
      return FALSE;
    }

  *version = cb_entity_get_int (root, "format_version");
  if (*version > CB_FORMAT_VERSION && !(flags & CB_LOAD_ALLOW_NEWER))
    {
      g_set_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_NEWER_VERSION,
                   _("The project was written by a newer version of Coursebridge (format version %lld; "
                     "this version reads up to %d). Update Coursebridge to open it; the file was not changed."),
                   (long long) *version, CB_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

/**
 * cb_project_load_from_data:
 * @data: (array length=length): the file's bytes
 * @flags: how to treat newer files
 *
 * Reads a project from memory. Invalid JSON, a file that is not a project
 * and (without %CB_LOAD_ALLOW_NEWER) a newer format version are refused
 * with a CB_PROJECT_ERROR that carries the line and column where known.
 * Anything else is loaded as far as it is sound: the validator reports the
 * rest, and nothing the file holds is dropped.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
CbProject *
cb_project_load_from_data (const char  *data,
                           gsize        length,
                           CbLoadFlags  flags,
                           GError     **error)
{
  g_autoptr (CbJsonReader) reader = NULL;
  g_autoptr (CbProject) project = NULL;
  CbJsonType type;
  Place root_at = { 1, 1 };
  gint64 version = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > MAX_PROJECT_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (MAX_PROJECT_SIZE);

      g_set_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_TOO_LARGE,
                   _("The file is too large to be a project (%s; the limit is %s)."), size, limit);
      return NULL;
    }

  reader = cb_json_reader_new (data, length);
  project = g_object_new (CB_TYPE_PROJECT, NULL);
  /* Bind while the records are detached, then register every id once. */
  _cb_entity_detach (CB_ENTITY (project));

  if (cb_json_reader_peek (reader, &type))
    {
      cb_json_reader_get_position (reader, &root_at.line, &root_at.column);
      if (type == CB_JSON_OBJECT)
        bind_object (reader, CB_ENTITY (project));
      else
        {
          /* Read it all anyway: a syntax error further on is the first thing to say. */
          CbJson *node = cb_json_reader_read_node (reader);

          cb_json_free (node);
          if (node != NULL && cb_json_reader_finish (reader))
            {
              set_located_error (error, CB_PROJECT_ERROR_NOT_A_PROJECT, root_at.line, root_at.column, "",
                                 _("The file holds JSON, but not a Coursebridge project: its top level is not an object."));
              return NULL;
            }
        }
    }

  if (!cb_json_reader_finish (reader))
    {
      g_autofree char *message = NULL;
      g_autofree char *text = NULL;
      guint line = 0, column = 0;

      g_autofree char *path = cb_json_reader_dup_path (reader);

      cb_json_reader_get_error (reader, &line, &column, &message);
      text = g_strdup_printf (_("Line %u, column %u: %s"), line, column, message);
      set_located_error (error, CB_PROJECT_ERROR_INVALID_JSON, line, column, path, text);
      return NULL;
    }

  if (!check_header (project, flags, &root_at, &root_at, &version, error))
    return NULL;
  if (version < CB_FORMAT_VERSION && !_cb_project_migrate (project, version, error))
    return NULL;

  _cb_entity_attach (CB_ENTITY (project), project, NULL, 0);

  if (version > CB_FORMAT_VERSION)
    _cb_project_set_read_only (project, TRUE);
  else if (version < CB_FORMAT_VERSION)
    {
      /* Migrated: the file on disk stays as it is until the user saves. */
      CbSlot slot = { TRUE, { .i = CB_FORMAT_VERSION } };

      _cb_entity_apply_slot (CB_ENTITY (project),
                             (guint) cb_kind_find_field (CB_KIND_PROJECT, "format_version"),
                             &slot, NULL, NULL);
      _cb_project_set_dirty (project);
    }

  return g_steal_pointer (&project);
}

static char *
hash_bytes (const char *data,
            gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename ? basename : "?");
}

/* Local files are read in one exact allocation; others through GIO. */
static gboolean
read_file (GFile         *file,
           GCancellable  *cancellable,
           char         **contents,
           gsize         *length,
           GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) local_error = NULL;

  if (path == NULL)
    return g_file_load_contents (file, cancellable, contents, length, NULL, error);
  if (g_file_get_contents (path, contents, length, &local_error))
    return TRUE;
  /* Same domain as GIO's errors, so callers test for one kind. */
  g_set_error_literal (error, G_IO_ERROR,
                       local_error->code == G_FILE_ERROR_NOENT ? G_IO_ERROR_NOT_FOUND :
                       local_error->code == G_FILE_ERROR_ACCES ? G_IO_ERROR_PERMISSION_DENIED :
                       local_error->code == G_FILE_ERROR_ISDIR ? G_IO_ERROR_IS_DIRECTORY :
                       G_IO_ERROR_FAILED,
                       local_error->message);
  return FALSE;
}

/**
 * cb_project_load_from_file:
 *
 * Reads a project file (following symbolic links) and remembers what was
 * read, so that a later save notices changes made by someone else.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
CbProject *
cb_project_load_from_file (GFile         *file,
                           CbLoadFlags    flags,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;
  CbProject *project;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_file (file, cancellable, &contents, &length, error))
    return NULL;

  project = cb_project_load_from_data (contents, length, flags, &local_error);
  if (project == NULL)
    {
      g_autofree char *name = file_display_name (file);

      g_prefix_error (&local_error, _("Could not open “%s”: "), name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  hash = hash_bytes (contents, length);
  _cb_project_set_file_state (project, file, hash);
  return project;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  CbLoadFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "flags"));
  GError *error = NULL;
  CbProject *project = cb_project_load_from_file (file, flags, cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

/**
 * cb_project_load_from_file_async:
 *
 * Loads a project in a worker thread, so that a large file never blocks
 * the user interface.
 */
void
cb_project_load_from_file_async (GFile               *file,
                                 CbLoadFlags          flags,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_project_load_from_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "flags", GUINT_TO_POINTER (flags));
  g_task_run_in_thread (task, load_thread);
}

/**
 * cb_project_load_from_file_finish:
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
CbProject *
cb_project_load_from_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saving */

/**
 * cb_project_serialize:
 *
 * Writes the project in canonical form: same model, same bytes.
 *
 * Returns: (transfer full): UTF-8 JSON ending in a newline
 */
GBytes *
cb_project_serialize (CbProject *self)
{
  GString *out;

  g_return_val_if_fail (CB_IS_PROJECT (self), NULL);

  out = g_string_sized_new (64 * 1024);
  _cb_entity_write (CB_ENTITY (self), out, 0);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

static CbSaveStreamWrapper save_stream_wrapper;
static gpointer save_stream_wrapper_data;

void
_cb_project_set_save_stream_wrapper (CbSaveStreamWrapper wrapper,
                                     gpointer            user_data)
{
  save_stream_wrapper = wrapper;
  save_stream_wrapper_data = user_data;
}

typedef struct
{
  GFile *file;          /* as the caller named it */
  GBytes *bytes;
  char *expected_hash;  /* what we last read or wrote there, or NULL */
  CbSaveFlags flags;
  guint serial;
  char *new_hash;       /* out */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->expected_hash);
  g_free (job->new_hash);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

/* Saving through a symbolic link writes its target, so that the link
 * stays a link. */
static char *
resolve_target (const char *path)
{
  char resolved[PATH_MAX];
  g_autofree char *current = g_strdup (path);

  if (realpath (path, resolved) != NULL)
    return g_strdup (resolved);

  /* A dangling link: follow it by hand to the file it will create. */
  for (int hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        break;
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_strdup (target)
                                            : g_build_filename (dir, target, NULL);
    }
  return g_steal_pointer (&current);
}

static gboolean
is_newer_project (const char *data,
                  gsize       length,
                  gint64     *version)
{
  g_autoptr (CbJsonDoc) doc = cb_json_parse (data, length, NULL, NULL, NULL);
  const CbJson *root;
  const CbJson *format;
  const CbJson *format_version;

  if (doc == NULL)
    return FALSE;
  root = cb_json_doc_get_root (doc);
  format = cb_json_object_get (root, "format");
  format_version = cb_json_object_get (root, "format_version");
  /* Strings point into the data: compare with their length. */
  if (format == NULL || format->type != CB_JSON_STRING ||
      format->v.string.len != strlen (CB_FORMAT_NAME) ||
      memcmp (format->v.string.str, CB_FORMAT_NAME, format->v.string.len) != 0 ||
      format_version == NULL || format_version->type != CB_JSON_NUMBER)
    return FALSE;
  *version = (gint64) format_version->v.number.value;
  return format_version->v.number.value > CB_FORMAT_VERSION;
}

static void
remove_stray_temporaries (const char *dir,
                          const char *basename)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (".", basename, TEMP_INFIX, NULL);
  const char *name;

  if (handle == NULL)
    return;
  /* Left by saves that were killed half-way; never the real file. */
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
}

static gboolean
write_atomically (const char    *target,
                  GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *basename = g_path_get_basename (target);
  g_autofree char *temp_path = NULL;
  g_autoptr (GOutputStream) base_stream = NULL;
  g_autoptr (GOutputStream) stream = NULL;
  struct stat st;
  gboolean existed;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int fd;
  int dir_fd;
  int saved_errno;

  existed = g_stat (target, &st) == 0;
  temp_path = g_strconcat (dir, G_DIR_SEPARATOR_S, ".", basename, TEMP_INFIX "XXXXXX", NULL);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  /* The new file keeps the old one's permissions and, where we may, owner. */
  if (existed)
    {
      if (fchmod (fd, st.st_mode & 07777) != 0 ||
          (fchown (fd, st.st_uid, st.st_gid) != 0 && errno != EPERM))
        goto fail_errno;
    }
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      if (fchmod (fd, 0666 & ~mask) != 0)
        goto fail_errno;
    }

  base_stream = g_unix_output_stream_new (fd, FALSE);
  stream = save_stream_wrapper ? save_stream_wrapper (base_stream, save_stream_wrapper_data)
                               : g_object_ref (base_stream);
  if (!g_output_stream_write_all (stream, data, size, NULL, cancellable, error) ||
      !g_output_stream_close (stream, cancellable, error))
    goto fail;

  if (fsync (fd) != 0)
    goto fail_errno;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail_errno;
    }
  fd = -1;

  if (g_rename (temp_path, target) != 0)
    goto fail_errno;

  /* Make the rename itself durable. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  remove_stray_temporaries (dir, basename);
  return TRUE;

fail_errno:
  saved_errno = errno;
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
fail:
  if (fd >= 0)
    close (fd);
  g_unlink (temp_path);
  return FALSE;
}

static gboolean
run_save_job (SaveJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *path = g_file_get_path (job->file);
  g_autofree char *target = NULL;
  g_autofree char *name = file_display_name (job->file);
  g_autofree char *on_disk = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize on_disk_length = 0;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: only local files can be saved."), name);
      return FALSE;
    }

  target = resolve_target (path);
  if (g_file_get_contents (target, &on_disk, &on_disk_length, NULL))
    {
      g_autofree char *hash = hash_bytes (on_disk, on_disk_length);
      gint64 version = 0;

      if (job->expected_hash == NULL || strcmp (hash, job->expected_hash) != 0)
        {
          /* A file of a newer format is never overwritten, whatever the user chose. */
          if (is_newer_project (on_disk, on_disk_length, &version))
            {
              g_set_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_NEWER_VERSION,
                           _("Could not save “%s”: the file on disk was written by a newer version "
                             "of Coursebridge (format version %lld) and is never overwritten. "
                             "Save under another name."),
                           name, (long long) version);
              return FALSE;
            }
          if (job->expected_hash != NULL && !(job->flags & CB_SAVE_OVERWRITE_CHANGED))
            {
              g_set_error (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_CHANGED_ON_DISK,
                           _("“%s” was changed on disk by someone else since it was opened."),
                           name);
              return FALSE;
            }
        }
    }

  if (!write_atomically (target, job->bytes, cancellable, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not save “%s”: "), name);
      return FALSE;
    }

  job->new_hash = hash_bytes (g_bytes_get_data (job->bytes, NULL), g_bytes_get_size (job->bytes));
  return TRUE;
}

static SaveJob *
prepare_save (CbProject   *self,
              GFile       *file,
              CbSaveFlags  flags,
              GError     **error)
{
  SaveJob *job;
  GFile *current = cb_project_get_file (self);

  if (cb_project_get_read_only (self))
    {
      g_set_error_literal (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_READ_ONLY,
                           _("The project is open read-only because it was written by a newer "
                             "version of Coursebridge; it cannot be saved."));
      return NULL;
    }

  /* A changed project records when it was last modified. */
  if (cb_project_get_dirty (self))
    {
      g_autofree char *now = cb_timestamp_now ();
      CbSlot slot = { TRUE, { .s = now } };

      _cb_entity_apply_slot (CB_ENTITY (self),
                             (guint) cb_kind_find_field (CB_KIND_PROJECT, "modified"),
                             &slot, NULL, NULL);
    }

  /* Typing after this point is a new step, so the saved one stays as saved. */
  cb_project_break_coalescing (self);

  job = g_new0 (SaveJob, 1);
  job->file = g_object_ref (file);
  job->flags = flags;
  job->serial = _cb_project_get_serial (self);
  job->bytes = cb_project_serialize (self);
  /* Only the file we read is checked for changes by others; saving under
   * a new name replaces what is there (the file chooser asked). */
  if (current != NULL && g_file_equal (current, file))
    job->expected_hash = g_strdup (_cb_project_get_content_hash (self));
  return job;
}

static void
finish_save (CbProject *self,
             SaveJob   *job)
{
  _cb_project_set_file_state (self, job->file, job->new_hash);
  _cb_project_mark_saved (self, job->serial);
}

/**
 * cb_project_save_to_file:
 * @file: where to save; the project's own file for a plain save
 * @flags: %CB_SAVE_OVERWRITE_CHANGED once the user chose to keep their version
 *
 * Saves atomically. Refuses (with %CB_PROJECT_ERROR_CHANGED_ON_DISK) when
 * the project's own file was changed on disk since it was read, and always
 * refuses to overwrite a file of a newer format version.
 *
 * Returns: %TRUE on success
 */
gboolean
cb_project_save_to_file (CbProject     *self,
                         GFile         *file,
                         CbSaveFlags    flags,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr (SaveJob) job = NULL;

  g_return_val_if_fail (CB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = prepare_save (self, file, flags, error);
  if (job == NULL || !run_save_job (job, cancellable, error))
    return FALSE;
  finish_save (self, job);
  return TRUE;
}

/**
 * cb_project_save:
 *
 * Saves the project to the file it came from.
 *
 * Returns: %TRUE on success
 */
gboolean
cb_project_save (CbProject     *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (cb_project_get_file (self) != NULL, FALSE);

  return cb_project_save_to_file (self, cb_project_get_file (self), CB_SAVE_NONE,
                                  cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_save_job (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cb_project_save_to_file_async:
 *
 * Serialises the project now, then checks and writes the file in a worker
 * thread. Edits made meanwhile keep the project dirty.
 */
void
cb_project_save_to_file_async (CbProject           *self,
                               GFile               *file,
                               CbSaveFlags          flags,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  SaveJob *job;

  g_return_if_fail (CB_IS_PROJECT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cb_project_save_to_file_async);
  job = prepare_save (self, file, flags, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
cb_project_save_to_file_finish (CbProject     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (CB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  finish_save (self, g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

/**
 * _cb_file_hash:
 * @hash: (out) (transfer full): the SHA-256 of the file's content, or %NULL
 *   when the file does not exist
 *
 * Reads a file and hashes it; safe to call from a worker thread.
 *
 * Returns: %FALSE with @error set if the file exists but cannot be read
 */
gboolean
_cb_file_hash (GFile         *file,
               GCancellable  *cancellable,
               char         **hash,
               GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;

  *hash = NULL;
  if (!read_file (file, cancellable, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *hash = hash_bytes (contents, length);
  return TRUE;
}

/**
 * cb_project_check_file_changed:
 * @changed: (out): whether the file differs from what was read or saved
 *
 * Compares the project's file on disk with what was last read or written
 * there, by content, so that a change is seen even when the other program
 * kept the modification time. A file deleted since counts as changed.
 *
 * Returns: %FALSE with @error set if the file could not be read
 */
gboolean
cb_project_check_file_changed (CbProject  *self,
                               gboolean   *changed,
                               GError    **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (CB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  *changed = FALSE;
  if (cb_project_get_file (self) == NULL || _cb_project_get_content_hash (self) == NULL)
    return TRUE;
  if (!_cb_file_hash (cb_project_get_file (self), NULL, &hash, error))
    return FALSE;
  /* A file deleted since counts as changed. */
  *changed = hash == NULL || strcmp (hash, _cb_project_get_content_hash (self)) != 0;
  return TRUE;
}
