import java.awt.image.BufferedImage
import javax.imageio.ImageIO

// solid 16x16 images with known colours (16 px: the smallest side the structural metrics take);
// PNG is lossless so the values are exact
def solid = { File file, int r, int g, int b ->
    file.parentFile.mkdirs()
    def image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB)
    for (x in 0..15) for (y in 0..15) image.setRGB(x, y, (r << 16) | (g << 8) | b)
    ImageIO.write(image, 'png', file)
}
solid(new File(basedir, 'real/a.png'), 10, 20, 30)
solid(new File(basedir, 'real/b.png'), 200, 100, 50)
solid(new File(basedir, 'fake/c.png'), 40, 20, 60)
// a second, identical fake image: the same histogram, and a pair for MS-SSIM
solid(new File(basedir, 'fake/d.png'), 40, 20, 60)
return true
