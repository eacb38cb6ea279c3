export * from './follower.entity';
export * from './follower.service';
export * from './followers.module';
export * from './phone';
