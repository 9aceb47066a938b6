import { ObjectType } from '@nestjs/graphql';
import { ApiSchema } from '@nestjs/swagger';
import { AdminLabel } from '../../labels/models/label.model';
import { TagModel } from './tag.model';

@ApiSchema({ name: 'AdminTag', description: 'A tag as the editor API sees it: any tag, used or not, with its ETag.' })
@ObjectType('AdminTag', { description: 'A tag as the editor API sees it: any tag, used or not, with its ETag.' })
export class AdminTagModel extends AdminLabel(TagModel, 'Tag') {}
