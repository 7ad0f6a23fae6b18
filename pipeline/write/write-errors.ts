/** A failed write or removal in words a secretary can act on. */
export function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EISDIR':
      return '此处有一个同名的文件夹，无法写入文件。请移走或改名该文件夹后重新生成。';
    case 'ENOTDIR':
    case 'EEXIST': // mkdir -p through a file
      return '上级路径被一个同名文件占用，无法建立文件夹。请移走或改名该文件后重新生成。';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限，或文件正被其他程序（如 WPS、Excel）打开。请关闭该文件或检查权限后重新生成。';
    case 'EBUSY':
      return '文件正被其他程序占用。请关闭该文件后重新生成。';
    case 'ENOSPC':
      return '磁盘空间不足。请清理磁盘后重新生成。';
    case 'EROFS':
      return '输出目录所在磁盘是只读的。请换一个可写的输出目录（--out）。';
    case 'DUBAN_CHANGED': // write-outputs.ts: a file the render memo kept was changed or deleted meanwhile
      return '生成过程中此文件被改动或删除，本次没有重写它。请重新生成一次。';
    case 'ENAMETOOLONG':
      return '文件路径太长。请把输出目录放在较短的路径下。';
    default:
      return `写入失败（${code ?? (e as Error)?.message ?? String(e)}）。`;
  }
}
