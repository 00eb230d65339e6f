import { CurrentIdentity, type Identity } from '@app/auth';
import { notFound, uuidParam } from '@app/service-kit';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { KmobAccess } from '../common/kmob-access';

/** Selfies of check-ins and request attachments: for the employee, their atasan, their operators and BKD. */
@ApiTags('files')
@Controller('files')
export class FileController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: KmobAccess,
  ) {}

  @Get(':id')
  async get(@CurrentIdentity() who: Identity, @Param('id') id: string, @Res() reply: FastifyReply) {
    uuidParam(id, `Berkas ${id}`);
    const [file] = (await this.dataSource.query('SELECT nip, content_type, bytes FROM stored_file WHERE id = $1', [id])) as { nip: string; content_type: string; bytes: Buffer }[];
    if (!file) throw notFound(`Berkas ${id}`);
    await this.access.assertCanRead(who, file.nip);
    const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }[file.content_type] ?? 'bin';
    void reply
      .header('content-type', file.content_type)
      .header('content-disposition', `attachment; filename="${id}.${extension}"`)
      .header('cache-control', 'private, max-age=3600')
      .send(file.bytes);
  }
}
