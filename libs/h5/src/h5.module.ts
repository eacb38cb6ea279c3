import { Module } from '@nestjs/common';

/** Edge for followers' browsers inside WeChat: OAuth session, share pages and their JSON API. */
@Module({})
export class H5Module {}
