/**
 * Error numbers as the kernel returns them (errno(3)), with the text glibc's
 * strerror(3) gives for each. The texts were read from glibc 2.36 on Debian 12
 * (Python's os.strerror on the recording machine's image).
 *
 * The kernel speaks only these names; programs turn them into their own words.
 */
export const ERRNO_TEXT = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ENXIO: 'No such device or address',
  ESRCH: 'No such process',
  EINTR: 'Interrupted system call',
  EIO: 'Input/output error',
  E2BIG: 'Argument list too long',
  ENOEXEC: 'Exec format error',
  EBADF: 'Bad file descriptor',
  ECHILD: 'No child processes',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  EMFILE: 'Too many open files',
  ENOTTY: 'Inappropriate ioctl for device',
  ETXTBSY: 'Text file busy',
  ENOSPC: 'No space left on device',
  ESPIPE: 'Illegal seek',
  EROFS: 'Read-only file system',
  EPIPE: 'Broken pipe',
  ENAMETOOLONG: 'File name too long',
  ENOSYS: 'Function not implemented',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  EXDEV: 'Invalid cross-device link',
} as const;

export type ErrnoName = keyof typeof ERRNO_TEXT;

/** A failed system call. Returned, never thrown. */
export class Errno {
  readonly code: ErrnoName;
  constructor(code: ErrnoName) {
    this.code = code;
  }
  /** strerror(3) */
  get message(): string {
    return ERRNO_TEXT[this.code];
  }
}

export function isErrno(value: unknown): value is Errno {
  return value instanceof Errno;
}

/** The result of a system call: the value, or the errno it failed with. */
export type SysResult<T> = T | Errno;
