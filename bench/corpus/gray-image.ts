// An 8-bit grayscale page image: what a scanner produces and what every damage function works on.

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major, one byte per pixel, 0 black to 255 white. */
  data: Uint8ClampedArray;
}

export function blankImage(width: number, height: number, shade = 255): GrayImage {
  return { width, height, data: new Uint8ClampedArray(width * height).fill(shade) };
}

/** Luma (ITU-R BT.601) from canvas RGBA, the way a grayscale scan records colour. */
export function grayFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GrayImage {
  const data = new Uint8ClampedArray(width * height);
  for (let pixel = 0, offset = 0; pixel < data.length; pixel += 1, offset += 4) {
    data[pixel] = (rgba[offset]! * 299 + rgba[offset + 1]! * 587 + rgba[offset + 2]! * 114) / 1000;
  }
  return { width, height, data };
}

export function rgbaFromGray(image: GrayImage): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let pixel = 0, offset = 0; pixel < image.data.length; pixel += 1, offset += 4) {
    const shade = image.data[pixel]!;
    rgba[offset] = shade;
    rgba[offset + 1] = shade;
    rgba[offset + 2] = shade;
    rgba[offset + 3] = 255;
  }
  return rgba;
}
