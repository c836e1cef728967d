// Runs before each app (jsdom) test file: a fresh Taro mock for every test.
import { taroMock } from './taro';

beforeEach(() => taroMock.reset());
