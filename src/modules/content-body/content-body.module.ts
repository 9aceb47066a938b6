import { Module } from '@nestjs/common';
import { ContentBodyService } from './content-body.service';

@Module({ providers: [ContentBodyService], exports: [ContentBodyService] })
export class ContentBodyModule {}
